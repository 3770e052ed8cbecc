-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "CenterStatus" AS ENUM ('active', 'temporarily_closed', 'closed');

-- CreateEnum
CREATE TYPE "SessionFormat" AS ENUM ('in_person', 'telehealth', 'hybrid');

-- CreateEnum
CREATE TYPE "ApiKeyRole" AS ENUM ('partner', 'staff', 'admin');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('open', 'resolved', 'dismissed');

-- CreateEnum
CREATE TYPE "OutboxOp" AS ENUM ('upsert', 'delete');

-- CreateTable
CREATE TABLE "centers" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "status" "CenterStatus" NOT NULL DEFAULT 'active',
    "phone" TEXT,
    "website" TEXT,
    "email" TEXT,
    "address_line1" TEXT NOT NULL,
    "address_line2" TEXT,
    "city" TEXT NOT NULL,
    "state" CHAR(2) NOT NULL,
    "postal_code" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "geocoded" BOOLEAN NOT NULL DEFAULT false,
    "timezone" TEXT NOT NULL,
    "levels_of_care" TEXT[],
    "modalities" TEXT[],
    "medications" TEXT[],
    "payers" TEXT[],
    "insurers" TEXT[],
    "populations" TEXT[],
    "languages" TEXT[],
    "telehealth" BOOLEAN NOT NULL DEFAULT false,
    "accepting_new_patients" BOOLEAN NOT NULL DEFAULT true,
    "accreditations" TEXT[],
    "license_number" TEXT,
    "verified_at" TIMESTAMPTZ(3),
    "source" TEXT,
    "source_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "centers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "center_schedules" (
    "id" UUID NOT NULL,
    "center_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "level" TEXT NOT NULL,
    "days" TEXT[],
    "start" CHAR(5) NOT NULL,
    "end" CHAR(5) NOT NULL,
    "format" "SessionFormat" NOT NULL DEFAULT 'in_person',

    CONSTRAINT "center_schedules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "center_prices" (
    "id" UUID NOT NULL,
    "center_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "level" TEXT NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "unit" TEXT NOT NULL,
    "price_type" TEXT NOT NULL,
    "typical_length_value" INTEGER,
    "typical_length_unit" TEXT,
    "days_per_week" INTEGER,
    "hours_per_week" DOUBLE PRECISION,
    "includes_room_and_board" BOOLEAN,
    "source" TEXT NOT NULL,
    "as_of" DATE NOT NULL,

    CONSTRAINT "center_prices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "role" "ApiKeyRole" NOT NULL,
    "key_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT,
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "listing_reports" (
    "id" UUID NOT NULL,
    "center_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "details" TEXT,
    "status" "ReportStatus" NOT NULL DEFAULT 'open',
    "resolution" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by" TEXT,

    CONSTRAINT "listing_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entries" (
    "id" BIGSERIAL NOT NULL,
    "center_id" UUID,
    "action" TEXT NOT NULL,
    "actor_key" UUID,
    "actor_name" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "changed" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "search_outbox" (
    "id" BIGSERIAL NOT NULL,
    "center_id" UUID NOT NULL,
    "op" "OutboxOp" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,

    CONSTRAINT "search_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "centers_state_idx" ON "centers"("state");

-- CreateIndex
CREATE INDEX "centers_updated_at_idx" ON "centers"("updated_at");

-- CreateIndex
CREATE INDEX "centers_lat_lng_idx" ON "centers"("lat", "lng");

-- CreateIndex
CREATE UNIQUE INDEX "centers_source_source_id_key" ON "centers"("source", "source_id");

-- CreateIndex
CREATE UNIQUE INDEX "center_schedules_center_id_position_key" ON "center_schedules"("center_id", "position");

-- CreateIndex
CREATE INDEX "center_prices_level_idx" ON "center_prices"("level");

-- CreateIndex
CREATE UNIQUE INDEX "center_prices_center_id_position_key" ON "center_prices"("center_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "listing_reports_status_created_at_idx" ON "listing_reports"("status", "created_at");

-- CreateIndex
CREATE INDEX "listing_reports_center_id_idx" ON "listing_reports"("center_id");

-- CreateIndex
CREATE INDEX "audit_entries_center_id_created_at_idx" ON "audit_entries"("center_id", "created_at");

-- CreateIndex
CREATE INDEX "search_outbox_created_at_idx" ON "search_outbox"("created_at");

-- AddForeignKey
ALTER TABLE "center_schedules" ADD CONSTRAINT "center_schedules_center_id_fkey" FOREIGN KEY ("center_id") REFERENCES "centers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "center_prices" ADD CONSTRAINT "center_prices_center_id_fkey" FOREIGN KEY ("center_id") REFERENCES "centers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "listing_reports" ADD CONSTRAINT "listing_reports_center_id_fkey" FOREIGN KEY ("center_id") REFERENCES "centers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
