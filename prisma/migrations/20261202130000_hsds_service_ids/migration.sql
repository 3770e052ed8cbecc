-- The HSDS ids of each center's services, so a service id lookup is one index read
-- (src/hsds/store-service-ids.ts keeps it current).

-- CreateTable
CREATE TABLE "hsds_service_ids" (
    "id" UUID NOT NULL,
    "service_at_location_id" UUID NOT NULL,
    "center_id" UUID NOT NULL,
    "level" TEXT NOT NULL,

    CONSTRAINT "hsds_service_ids_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "hsds_service_ids_service_at_location_id_key" ON "hsds_service_ids"("service_at_location_id");

-- CreateIndex
CREATE INDEX "hsds_service_ids_center_id_idx" ON "hsds_service_ids"("center_id");

-- AddForeignKey
ALTER TABLE "hsds_service_ids" ADD CONSTRAINT "hsds_service_ids_center_id_fkey" FOREIGN KEY ("center_id") REFERENCES "centers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill the centers stored before this migration. The ids are UUID v5 (SHA-1) of
-- "service:<level>" / "service_at_location:<level>" in the center id's namespace, as
-- centerScopedId computes them; SHA-1 needs pgcrypto (a trusted extension since PostgreSQL 13),
-- which is removed again unless it was installed before. Nothing to do on an empty database.
DO $$
DECLARE
  had_pgcrypto boolean := EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pgcrypto');
BEGIN
  IF NOT EXISTS (SELECT 1 FROM centers) THEN RETURN; END IF;
  IF NOT had_pgcrypto THEN CREATE EXTENSION pgcrypto; END IF;
  CREATE TEMP TABLE hsds_v5 ON COMMIT DROP AS
    SELECT c.id AS center_id, l.level, kind,
           substring(digest(decode(replace(c.id::text, '-', ''), 'hex') || convert_to(kind || ':' || l.level, 'UTF8'), 'sha1') FROM 1 FOR 16) AS h
      FROM centers c CROSS JOIN LATERAL unnest(c.levels_of_care) AS l(level)
      CROSS JOIN (VALUES ('service'), ('service_at_location')) AS k(kind);
  UPDATE hsds_v5 SET h = set_byte(set_byte(h, 6, (get_byte(h, 6) & 15) | 80), 8, (get_byte(h, 8) & 63) | 128);
  INSERT INTO hsds_service_ids (id, service_at_location_id, center_id, level)
    SELECT encode(s.h, 'hex')::uuid, encode(sal.h, 'hex')::uuid, s.center_id, s.level
      FROM hsds_v5 s JOIN hsds_v5 sal ON sal.center_id = s.center_id AND sal.level = s.level AND sal.kind = 'service_at_location'
     WHERE s.kind = 'service'
    ON CONFLICT DO NOTHING;
  IF NOT had_pgcrypto THEN DROP EXTENSION pgcrypto; END IF;
END $$;
