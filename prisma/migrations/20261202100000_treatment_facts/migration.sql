-- Treatment facts for callers: conditions, accessibility, intake, availability per level,
-- center-bound API keys, and service-gap counts (src/service-gaps).

-- AlterEnum
ALTER TYPE "ApiKeyRole" ADD VALUE 'center';

-- AlterTable
ALTER TABLE "centers" ADD COLUMN "conditions" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "accessibility" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "intake" JSONB;

-- AlterTable
ALTER TABLE "api_keys" ADD COLUMN "center_id" UUID;

-- CreateTable
CREATE TABLE "center_availability" (
    "id" UUID NOT NULL,
    "center_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "level" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "open_slots" INTEGER,
    "waitlist_days" INTEGER,
    "next_intake_date" DATE,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "reported_by" TEXT NOT NULL,

    CONSTRAINT "center_availability_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_gaps" (
    "day" DATE NOT NULL,
    "criteria" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT '',
    "zip3" TEXT NOT NULL DEFAULT '',
    "searches" INTEGER NOT NULL DEFAULT 0,
    "zero_results" INTEGER NOT NULL DEFAULT 0,
    "last_seen" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "service_gaps_pkey" PRIMARY KEY ("day","criteria","state","zip3")
);

-- CreateIndex
CREATE UNIQUE INDEX "center_availability_center_id_level_key" ON "center_availability"("center_id", "level");

-- CreateIndex
CREATE INDEX "service_gaps_day_idx" ON "service_gaps"("day");

-- AddForeignKey
ALTER TABLE "center_availability" ADD CONSTRAINT "center_availability_center_id_fkey" FOREIGN KEY ("center_id") REFERENCES "centers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_center_id_fkey" FOREIGN KEY ("center_id") REFERENCES "centers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
