import { Prisma } from '../generated/prisma/client';
import { EARTH_RADIUS_MILES } from './zip-codes';

type Point = { lat: number; lng: number };
export const MILES_PER_DEGREE_LAT = (EARTH_RADIUS_MILES * Math.PI) / 180;

/** Haversine miles between two points given as SQL expressions, the formula of `distanceMiles`. */
export function haversineMilesSql(a: { lat: string; lng: string }, b: { lat: string; lng: string }): string {
  return `${2 * EARTH_RADIUS_MILES}::float8 * asin(least(1, sqrt(
      power(sin(radians(${b.lat} - ${a.lat}) / 2), 2)
    + cos(radians(${a.lat})) * cos(radians(${b.lat})) * power(sin(radians(${b.lng} - ${a.lng}) / 2), 2))))`;
}

const float8 = (x: number) => `${Number(x)}::float8`;

/** Haversine miles from `p` to the row `c` (a centers alias). */
export function distanceMilesSql(p: Point): Prisma.Sql {
  return Prisma.raw(haversineMilesSql({ lat: float8(p.lat), lng: float8(p.lng) }, { lat: 'c.lat', lng: 'c.lng' }));
}

/**
 * A lat/lng box holding the circle, as a condition on `c` that the (lat, lng) index can use.
 * The longitude range may wrap the antimeridian; near the poles it spans every longitude.
 */
export function boundingBoxSql(p: Point, miles: number): Prisma.Sql {
  const box = boundingBox(p, miles);
  const lng = box.allLng ? Prisma.empty
    : box.minLng < -180 ? Prisma.sql`AND (c.lng >= ${box.minLng + 360} OR c.lng <= ${box.maxLng})`
      : box.maxLng > 180 ? Prisma.sql`AND (c.lng >= ${box.minLng} OR c.lng <= ${box.maxLng - 360})`
        : Prisma.sql`AND c.lng BETWEEN ${box.minLng} AND ${box.maxLng}`;
  return Prisma.sql`c.lat BETWEEN ${box.minLat} AND ${box.maxLat} ${lng}`;
}

/** The box, widened by 0.1 % so float rounding never drops a point on the circle. */
export function boundingBox(p: Point, miles: number) {
  const dLat = (miles / MILES_PER_DEGREE_LAT) * 1.001;
  const farthestLat = Math.min(90, Math.abs(p.lat) + dLat);
  const cos = Math.cos((farthestLat * Math.PI) / 180);
  const dLng = cos < 1e-6 ? 180 : Math.min(180, dLat / cos);
  return { minLat: p.lat - dLat, maxLat: p.lat + dLat, minLng: p.lng - dLng, maxLng: p.lng + dLng, allLng: dLng >= 180 };
}
