-- Each price carries its center's location and whether the center is active, kept by
-- PostgreSQL itself (triggers below), so the regional median around a point reads the prices
-- of one level inside a lat/lng box from one index (no heap, no join to every nearby center).
ALTER TABLE "center_prices" ADD COLUMN "lat" DOUBLE PRECISION, ADD COLUMN "lng" DOUBLE PRECISION, ADD COLUMN "center_active" BOOLEAN;

UPDATE "center_prices" p SET "lat" = c."lat", "lng" = c."lng", "center_active" = (c."status" = 'active')
  FROM "centers" c WHERE c."id" = p."center_id";

DROP INDEX "center_prices_level_idx";
-- Every column the median reads is in the index: an index-only scan.
CREATE INDEX "center_prices_regional_idx" ON "center_prices"("level", "lat", "lng", "center_active", "unit", "amount", "price_type", "as_of", "includes_room_and_board", "center_id");

-- A price written with any (or no) location gets its center's.
CREATE FUNCTION "center_prices_place"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c."lat", c."lng", c."status" = 'active' INTO NEW."lat", NEW."lng", NEW."center_active"
    FROM "centers" c WHERE c."id" = NEW."center_id";
  RETURN NEW;
END $$;
CREATE TRIGGER "center_prices_place" BEFORE INSERT OR UPDATE OF "center_id" ON "center_prices"
  FOR EACH ROW EXECUTE FUNCTION "center_prices_place"();

-- A center that moves or changes status takes its prices along.
CREATE FUNCTION "centers_place_prices"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "center_prices" SET "lat" = NEW."lat", "lng" = NEW."lng", "center_active" = (NEW."status" = 'active')
    WHERE "center_id" = NEW."id";
  RETURN NULL;
END $$;
CREATE TRIGGER "centers_place_prices" AFTER UPDATE OF "lat", "lng", "status" ON "centers"
  FOR EACH ROW WHEN (OLD."lat" IS DISTINCT FROM NEW."lat" OR OLD."lng" IS DISTINCT FROM NEW."lng" OR OLD."status" IS DISTINCT FROM NEW."status")
  EXECUTE FUNCTION "centers_place_prices"();
