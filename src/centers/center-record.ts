import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Prisma } from '../generated/prisma/client';
import { centerIdFor } from './center-id';
import type { AvailabilityInput, Center, CenterInput, Intake, Reporter } from './center-schema';

/** A center row with its children, as every read loads it. */
export const CENTER_INCLUDE = {
  schedules: { orderBy: { position: 'asc' } },
  prices: { orderBy: { position: 'asc' } },
  availability: { orderBy: { position: 'asc' } },
} as const satisfies Prisma.CenterInclude;
export type CenterRow = Prisma.CenterGetPayload<{ include: typeof CENTER_INCLUDE }>;

/** Row → the public Center shape (docs/api-conventions.md, "The center resource"). */
export function presentCenter(row: CenterRow): Center {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    phone: row.phone,
    website: row.website,
    email: row.email,
    address: { line1: row.addressLine1, line2: row.addressLine2, city: row.city, state: row.state as Center['address']['state'], postal_code: row.postalCode },
    location: { lat: row.lat, lng: row.lng },
    timezone: row.timezone,
    levels_of_care: row.levelsOfCare as Center['levels_of_care'],
    modalities: row.modalities as Center['modalities'],
    medications: row.medications as Center['medications'],
    payers: row.payers as Center['payers'],
    insurers: row.insurers as Center['insurers'],
    populations: row.populations as Center['populations'],
    languages: row.languages as Center['languages'],
    telehealth: row.telehealth,
    accepting_new_patients: row.acceptingNewPatients,
    schedules: row.schedules.map((s) => ({
      level: s.level as Center['levels_of_care'][number], days: s.days as Center['schedules'][number]['days'],
      start: s.start, end: s.end, format: s.format,
    })),
    prices: row.prices.map((p) => ({
      level: p.level as Center['levels_of_care'][number],
      amount: Number(p.amount),
      unit: p.unit as Center['prices'][number]['unit'],
      price_type: p.priceType as Center['prices'][number]['price_type'],
      typical_length: p.typicalLengthValue != null ? { value: p.typicalLengthValue, unit: p.typicalLengthUnit as 'day' | 'week' } : null,
      days_per_week: p.daysPerWeek,
      hours_per_week: p.hoursPerWeek,
      includes_room_and_board: p.includesRoomAndBoard,
      source: p.source,
      as_of: p.asOf.toISOString().slice(0, 10),
    })),
    accreditations: row.accreditations,
    conditions: row.conditions as Center['conditions'],
    accessibility: row.accessibility as Center['accessibility'],
    intake: (row.intake as Intake | null) ?? null,
    availability: row.availability.map((a) => ({
      level: a.level as Center['levels_of_care'][number],
      status: a.status as AvailabilityInput['status'],
      open_slots: a.openSlots,
      waitlist_days: a.waitlistDays,
      next_intake_date: a.nextIntakeDate ? a.nextIntakeDate.toISOString().slice(0, 10) : null,
      updated_at: a.updatedAt.toISOString(),
      reported_by: a.reportedBy as Reporter,
    })),
    license_number: row.licenseNumber,
    verified_at: row.verifiedAt?.toISOString() ?? null,
    source: row.source,
    source_id: row.sourceId,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** A validated, geocoded input → the scalar columns of a row. */
export function centerColumns(c: CenterInput & { location: { lat: number; lng: number }; timezone: string; geocoded: boolean; timezoneDerived: boolean }) {
  return {
    name: c.name,
    description: c.description ?? null,
    status: c.status,
    phone: c.phone ?? null,
    website: c.website ?? null,
    email: c.email ?? null,
    addressLine1: c.address.line1,
    addressLine2: c.address.line2 ?? null,
    city: c.address.city,
    state: c.address.state,
    postalCode: c.address.postal_code,
    lat: c.location.lat,
    lng: c.location.lng,
    geocoded: c.geocoded,
    timezone: c.timezone,
    timezoneDerived: c.timezoneDerived,
    levelsOfCare: c.levels_of_care,
    modalities: c.modalities,
    medications: c.medications,
    payers: c.payers,
    insurers: c.insurers,
    populations: c.populations,
    languages: c.languages,
    telehealth: c.telehealth,
    acceptingNewPatients: c.accepting_new_patients,
    accreditations: c.accreditations,
    conditions: c.conditions,
    accessibility: c.accessibility,
    intake: intakeColumn(c.intake),
    licenseNumber: c.license_number ?? null,
    verifiedAt: c.verified_at ? new Date(c.verified_at) : null,
    source: c.source ?? null,
    sourceId: c.source_id ?? null,
  };
}

/** One canonical JSON form (every key, nulls for unknowns), so equal intakes compare equal. */
function intakeColumn(intake: Intake | null | undefined) {
  if (!intake) return Prisma.DbNull;
  return {
    phone: intake.phone ?? null,
    hours: intake.hours.map((h) => ({ days: h.days, start: h.start, end: h.end })),
    walk_in: intake.walk_in ?? null,
    same_day_assessment: intake.same_day_assessment ?? null,
    referral_required: intake.referral_required ?? null,
    note: intake.note ?? null,
  };
}

const sameReport = (row: AvailabilityRow, a: AvailabilityInput) => row.level === a.level && row.status === a.status
  && row.openSlots === (a.open_slots ?? null) && row.waitlistDays === (a.waitlist_days ?? null)
  && (row.nextIntakeDate?.toISOString().slice(0, 10) ?? null) === (a.next_intake_date ?? null);

type AvailabilityRow = CenterRow['availability'][number];
export type AvailabilityData = Omit<AvailabilityRow, 'id' | 'centerId'>;

/**
 * The availability rows a write leaves: the stored ones when the input leaves availability out;
 * otherwise the input's entries, where an entry equal to the stored one for its level keeps its
 * updated_at and reporter (an unchanged import must not look like a fresh report) unless
 * `confirm` is set (PUT: a report always confirms the numbers now).
 */
export function availabilityRows(stored: readonly AvailabilityRow[], input: readonly AvailabilityInput[] | undefined,
  reporter: Reporter, now: Date, confirm = false): AvailabilityData[] {
  if (input === undefined) return stored.map(({ id: _i, centerId: _c, ...rest }) => rest);
  return input.map((a, position) => {
    const same = confirm ? undefined : stored.find((row) => sameReport(row, a));
    return {
      position, level: a.level, status: a.status, openSlots: a.open_slots ?? null, waitlistDays: a.waitlist_days ?? null,
      nextIntakeDate: a.next_intake_date ? new Date(`${a.next_intake_date}T00:00:00Z`) : null,
      updatedAt: same?.updatedAt ?? now, reportedBy: same?.reportedBy ?? reporter,
    };
  });
}

export function childRows(c: CenterInput) {
  return {
    schedules: c.schedules.map((s, position) => ({ position, level: s.level, days: s.days, start: s.start, end: s.end, format: s.format })),
    prices: c.prices.map((p, position) => ({
      position, level: p.level, amount: p.amount, unit: p.unit, priceType: p.price_type,
      typicalLengthValue: p.typical_length?.value ?? null, typicalLengthUnit: p.typical_length?.unit ?? null,
      daysPerWeek: p.days_per_week ?? null, hoursPerWeek: p.hours_per_week ?? null,
      includesRoomAndBoard: p.includes_room_and_board ?? null, source: p.source, asOf: new Date(`${p.as_of}T00:00:00Z`),
    })),
  };
}

type Placed = CenterInput & { location: { lat: number; lng: number }; timezone: string; geocoded: boolean; timezoneDerived: boolean };

/** The row an insert would store, with ids made here (imports write one INSERT per table). */
export function newCenterRow(placed: Placed, now: Date, reporter: Reporter = 'import', stored: readonly AvailabilityRow[] = [], id = centerIdFor(placed)): CenterRow {
  const { schedules, prices } = childRows(placed);
  const { intake, ...columns } = centerColumns(placed);
  return {
    id, ...columns, intake: intake === Prisma.DbNull ? null : (intake as Prisma.JsonObject), version: 1, createdAt: now, updatedAt: now,
    availability: availabilityRows(stored, placed.availability, reporter, now).map((a) => ({ ...a, id: randomUUID(), centerId: id })),
    schedules: schedules.map((s) => ({ ...s, id: randomUUID(), centerId: id })),
    // The column is DECIMAL(12,2): round here as the database would, so the audit entry matches.
    prices: prices.map((p) => ({
      ...p, id: randomUUID(), centerId: id, amount: new Prisma.Decimal(p.amount).toDecimalPlaces(2),
      // What PostgreSQL sets on insert (migration price_locations).
      lat: placed.location.lat, lng: placed.location.lng, centerActive: placed.status === 'active',
    })),
  };
}

/**
 * Whether writing `placed` would leave the stored center as it is, compared as the API shows
 * them, so nested nulls, defaults and derived values cannot differ in form only.
 */
export function storesSame(current: CenterRow, placed: Placed): boolean {
  const content = (row: CenterRow) => {
    const { id: _i, created_at: _c, updated_at: _u, ...rest } = presentCenter(row);
    return rest;
  };
  return isDeepStrictEqual(content(current), content(newCenterRow(placed, current.updatedAt, 'import', current.availability)));
}
