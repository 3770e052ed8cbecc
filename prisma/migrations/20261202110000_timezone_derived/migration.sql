-- Whether centers.timezone was derived from the location (and so follows a move) or given.
-- Existing rows cannot tell; they keep their zone as if it had been given.
ALTER TABLE "centers" ADD COLUMN "timezone_derived" BOOLEAN NOT NULL DEFAULT false;
