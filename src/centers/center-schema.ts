import { z } from 'zod';
import {
  AVAILABILITY_STATUSES, CODE_FIELDS, DAYS, REPORTERS, PRICE_TYPES, PRICE_UNITS, SESSION_FORMATS, STATUSES, type CodeField,
} from '../taxonomy/codes';
import { US_STATES } from '../taxonomy/us-states';

const TIME_ZONES = new Set(Intl.supportedValuesOf('timeZone').concat('UTC'));
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

const codeList = <F extends CodeField>(field: F, what: string) =>
  z.array(z.enum(CODE_FIELDS[field] as (typeof CODE_FIELDS)[F])).max(50)
    .refine((a) => new Set(a).size === a.length, { message: 'lists a code twice' })
    .describe(`${what}: codes from GET /v1/taxonomy (\`${field}\`)`);

export const AddressSchema = z.strictObject({
  line1: z.string().trim().min(1).max(200).describe('Street address'),
  line2: z.string().trim().max(200).nullish().describe('Suite, floor, building'),
  city: z.string().trim().min(1).max(100),
  state: z.enum(US_STATES).describe('Two-letter USPS state code'),
  postal_code: z.string().regex(/^\d{5}(-\d{4})?$/, 'must be a 5-digit ZIP code (or ZIP+4)').describe('ZIP code; used to geocode when location is missing'),
}).meta({ id: 'Address' });

export const LocationSchema = z.strictObject({
  lat: z.number().min(-90).max(90).describe('Latitude, degrees'),
  lng: z.number().min(-180).max(180).describe('Longitude, degrees'),
}).meta({ id: 'Location' });

export const ScheduleSchema = z.strictObject({
  level: z.enum(CODE_FIELDS.levels_of_care).describe('Level of care these sessions belong to; must be one of the center\'s levels_of_care'),
  days: z.array(z.enum(DAYS)).min(1).max(7)
    .refine((a) => new Set(a).size === a.length, { message: 'lists a day twice' }),
  start: z.string().regex(HHMM, 'must be HH:MM (24-hour)').describe('Local start time, HH:MM, in the center\'s time zone'),
  end: z.string().regex(HHMM, 'must be HH:MM (24-hour)').describe('Local end time, HH:MM'),
  format: z.enum(SESSION_FORMATS).default('in_person'),
}).refine((s) => !HHMM.test(s.start) || !HHMM.test(s.end) || s.end > s.start, {
  message: 'must be later than start', path: ['end'],
}).meta({ id: 'Schedule', description: 'A weekly session of one level of care' });

export const PriceSchema = z.strictObject({
  level: z.enum(CODE_FIELDS.levels_of_care),
  // Stored to the cent (numeric(12,2)): 0.001 would be kept as 0, a price of nothing.
  amount: z.number().min(0.01).max(1_000_000).describe('Price in USD per unit'),
  unit: z.enum(PRICE_UNITS).describe('day = a day of attendance (IOP/PHP) or a night (residential, hospital)'),
  price_type: z.enum(PRICE_TYPES).describe('cash = self-pay price; billed_charge = list price billed to insurers'),
  typical_length: z.strictObject({
    value: z.number().int().positive().max(730),
    unit: z.enum(['day', 'week']),
  }).nullish().describe('Typical length of the program'),
  days_per_week: z.number().int().min(1).max(7).nullish().describe('Attendance days per week (outpatient levels)'),
  hours_per_week: z.number().positive().max(168).nullish().describe('Program hours per week (outpatient levels)'),
  includes_room_and_board: z.boolean().nullish(),
  source: z.string().trim().min(1).max(300).describe('Where the price came from (e.g. "center website", "phone call")'),
  as_of: z.iso.date().describe('Date the price was published or confirmed (YYYY-MM-DD)'),
}).meta({ id: 'Price' });

// No regex flags: the pattern is published in the OpenAPI document, where flags do not exist.
const PHONE = z.string().trim().regex(/^\+?[0-9 ().-]{7,25}(\s*([xX]|[eE][xX][tT]\.?)\s*\d{1,6})?$/, 'must be a phone number');
/** Intake hours may end at 24:00 (a line staffed until midnight, or around the clock). */
const HHMM_END = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

export const IntakeHoursSchema = z.strictObject({
  days: z.array(z.enum(DAYS)).min(1).max(7)
    .refine((a) => new Set(a).size === a.length, { message: 'lists a day twice' }),
  start: z.string().regex(HHMM, 'must be HH:MM (24-hour)').describe('Local time the intake line opens, HH:MM, in the center\'s time zone'),
  end: z.string().regex(HHMM_END, 'must be HH:MM (24-hour; 24:00 for midnight)').describe('Local time it closes, HH:MM; 24:00 = midnight'),
}).refine((s) => !HHMM.test(s.start) || !HHMM_END.test(s.end) || s.end > s.start, {
  message: 'must be later than start', path: ['end'],
}).meta({ id: 'IntakeHours', description: 'Weekly hours the intake line is staffed. Search counts them in whole quarter hours (09:05–17:10 is open 09:15–17:00)' });

export const IntakeSchema = z.strictObject({
  phone: PHONE.nullish().describe('The line that does assessments, when it is not the main number'),
  hours: z.array(IntakeHoursSchema).max(30).default([]).describe('When the intake line is staffed, in the center\'s time zone; empty = not listed'),
  walk_in: z.boolean().nullish().describe('Walk-in assessments without an appointment; null = not known'),
  same_day_assessment: z.boolean().nullish().describe('An assessment can happen the day someone calls'),
  referral_required: z.boolean().nullish().describe('Admission needs a referral (court, physician, agency)'),
  note: z.string().trim().max(1000).nullish().describe('What a caller should know about getting in'),
}).meta({ id: 'Intake', description: 'How to get in: the intake line, its hours, walk-in and referral rules' });

const availabilityFields = {
  level: z.enum(CODE_FIELDS.levels_of_care).describe('Level of care; must be one of the center\'s levels_of_care, once'),
  status: z.enum(AVAILABILITY_STATUSES).describe('open = can admit now; waitlist = can admit after a wait; full = cannot admit'),
  open_slots: z.number().int().min(0).max(100_000).nullish().describe('Open beds or program slots (with status open)'),
  waitlist_days: z.number().int().min(0).max(3650).nullish().describe('Expected wait in days (with status waitlist)'),
  next_intake_date: z.iso.date().nullish().describe('Next intake or admission date, YYYY-MM-DD'),
};

export const AvailabilityInputSchema = z.strictObject(availabilityFields)
  .superRefine((a, ctx) => {
    if (a.open_slots != null && a.status !== 'open') ctx.addIssue({ code: 'custom', path: ['open_slots'], message: 'goes only with status open' });
    if (a.open_slots === 0) ctx.addIssue({ code: 'custom', path: ['open_slots'], message: 'is 0: report status full instead' });
    if (a.waitlist_days != null && a.status !== 'waitlist') ctx.addIssue({ code: 'custom', path: ['waitlist_days'], message: 'goes only with status waitlist' });
  })
  .meta({ id: 'AvailabilityInput', description: 'Openings of one level of care as reported now; updated_at and reported_by are set by the server' });

export const AvailabilitySchema = z.object({
  ...availabilityFields,
  open_slots: z.number().int().nullable(),
  waitlist_days: z.number().int().nullable(),
  next_intake_date: z.string().nullable(),
  updated_at: z.string().describe('When this was reported (server time, ISO 8601)'),
  reported_by: z.enum(REPORTERS).describe('Who reported it: the center itself, hotline staff, an admin, or an import'),
  stale: z.boolean().describe('Older than AVAILABILITY_STALE_HOURS (default 72): do not rely on it; never counts as an opening'),
  age_hours: z.number().describe('Hours since updated_at, when the response was made'),
}).meta({ id: 'Availability' });

/** Checks a list of availability entries against the center's levels of care. */
export function checkAvailability(levelsOfCare: readonly string[], availability: readonly { level: string }[], ctx: z.RefinementCtx, path: (string | number)[] = ['availability']) {
  const levels = new Set(levelsOfCare);
  const seen = new Set<string>();
  availability.forEach((a, i) => {
    if (!levels.has(a.level)) ctx.addIssue({ code: 'custom', path: [...path, i, 'level'], message: `"${a.level}" is not one of the center's levels_of_care` });
    else if (seen.has(a.level)) ctx.addIssue({ code: 'custom', path: [...path, i, 'level'], message: `"${a.level}" is listed twice; give one entry per level` });
    seen.add(a.level);
  });
}

const centerFields = {
  name: z.string().trim().min(2).max(200).describe('Center name as shown to callers'),
  description: z.string().trim().max(5000).nullish(),
  status: z.enum(STATUSES).default('active').describe('closed centers never appear in search; temporarily_closed only when asked'),
  // No regex flags: the pattern is published in the OpenAPI document, where flags do not exist.
  phone: z.string().trim().regex(/^\+?[0-9 ().-]{7,25}(\s*([xX]|[eE][xX][tT]\.?)\s*\d{1,6})?$/, 'must be a phone number').nullish(),
  website: z.url({ protocol: /^https?$/ }).max(500).nullish(),
  email: z.email().max(200).nullish(),
  address: AddressSchema,
  // A union, not .nullish(): the OpenAPI generator drops `null` from a referenced schema.
  location: z.union([LocationSchema, z.null()]).optional().describe('Optional on input: geocoded from address.postal_code when missing'),
  timezone: z.string().refine((t) => TIME_ZONES.has(t), 'must be an IANA time zone such as America/New_York').nullish()
    .describe('IANA time zone of the center; derived from the location when missing'),
  levels_of_care: codeList('levels_of_care', 'Levels of care offered').refine((a) => a.length > 0, 'must list at least one level of care'),
  modalities: codeList('modalities', 'Therapy modalities').default([]),
  medications: codeList('medications', 'Medications prescribed or dispensed').default([]),
  payers: codeList('payers', 'Payment types accepted').default([]),
  insurers: codeList('insurers', 'Named commercial insurers the center is in network with').default([]),
  populations: codeList('populations', 'Populations served').default([]),
  languages: codeList('languages', 'Languages in which treatment is offered (ISO 639-1)').default(['en']),
  telehealth: z.boolean().default(false),
  accepting_new_patients: z.boolean().default(true),
  schedules: z.array(ScheduleSchema).max(100).default([]),
  prices: z.array(PriceSchema).max(50).default([]),
  accreditations: z.array(z.string().trim().min(1).max(100)).max(20).default([]).describe('e.g. "joint_commission", "carf"'),
  conditions: codeList('conditions', 'Conditions treated: substances and mental-health conditions').default([]),
  accessibility: codeList('accessibility', 'Access: wheelchair, sign language, transit, transportation, childcare').default([]),
  // A union, not .nullish(): the OpenAPI generator drops `null` from a referenced schema.
  intake: z.union([IntakeSchema, z.null()]).optional().describe('How to get in; null clears it'),
  availability: z.array(AvailabilityInputSchema).max(8).optional()
    .describe('Openings per level of care. Omitted = keep what is stored; [] clears. Entries equal to the stored ones keep their updated_at'),
  license_number: z.string().trim().max(100).nullish(),
  verified_at: z.union([z.iso.datetime({ offset: true }), z.iso.date()]).nullish()
    .describe('When a person last confirmed the listing: a date-time, or a date (stored as midnight UTC)'),
  source: z.string().trim().min(1).max(50).regex(/^[a-z0-9_.-]+$/, 'must be lowercase letters, digits, ".", "_" or "-"').nullish()
    .describe('External data source; with source_id, the stable key imports upsert on'),
  source_id: z.string().trim().min(1).max(200).nullish().describe('The record id in the external source'),
};

/** Rules that span fields; run on create and on the merged result of a PATCH. */
export function checkCenterConsistency(c: {
  levels_of_care: string[]; schedules: { level: string }[]; prices: { level: string }[];
  source?: string | null; source_id?: string | null; availability?: { level: string }[];
}, ctx: z.RefinementCtx) {
  if (c.availability) checkAvailability(c.levels_of_care, c.availability, ctx);
  const levels = new Set(c.levels_of_care);
  c.schedules.forEach((s, i) => {
    if (!levels.has(s.level)) ctx.addIssue({ code: 'custom', path: ['schedules', i, 'level'], message: `"${s.level}" is not one of the center's levels_of_care` });
  });
  c.prices.forEach((p, i) => {
    if (!levels.has(p.level)) ctx.addIssue({ code: 'custom', path: ['prices', i, 'level'], message: `"${p.level}" is not one of the center's levels_of_care` });
  });
  if (!c.source !== !c.source_id) ctx.addIssue({ code: 'custom', path: [c.source ? 'source_id' : 'source'], message: 'source and source_id go together' });
}

export const CenterInputSchema = z.strictObject(centerFields)
  .superRefine(checkCenterConsistency)
  .meta({ id: 'CenterInput', description: 'A center as written by an admin (POST); unknown fields are rejected' });

export const CenterPatchSchema = z.strictObject(
  // A PATCH names only what changes: defaults must not fill in the fields it leaves out.
  Object.fromEntries(Object.entries(centerFields).map(([k, v]) =>
    [k, (v instanceof z.ZodDefault ? v.unwrap() : v).optional()])) as unknown as {
    [K in keyof typeof centerFields]: z.ZodOptional<
      (typeof centerFields)[K] extends z.ZodDefault<infer Inner> ? Inner : (typeof centerFields)[K]>
  },
).meta({ id: 'CenterPatch', description: 'Any subset of CenterInput; arrays replace the stored list' });

export const CenterSchema = z.object({
  id: z.uuid(),
  ...centerFields,
  location: LocationSchema,
  timezone: z.string(),
  verified_at: z.string().nullable(),
  intake: z.union([IntakeSchema, z.null()]),
  availability: z.array(AvailabilitySchema),
  created_at: z.string().describe('ISO 8601'),
  updated_at: z.string().describe('ISO 8601'),
}).meta({ id: 'Center' });

export type CenterInput = z.output<typeof CenterInputSchema>;
export type CenterInputRaw = z.input<typeof CenterInputSchema>;
export type CenterPatch = z.output<typeof CenterPatchSchema>;
/** Availability as stored; `stale` and `age_hours` are added when a response is made (withFreshness). */
export type StoredAvailability = Omit<z.output<typeof AvailabilitySchema>, 'stale' | 'age_hours'> & { stale?: boolean; age_hours?: number };
export type Center = Omit<z.output<typeof CenterSchema>, 'availability'> & { availability: StoredAvailability[] };
export type Schedule = z.output<typeof ScheduleSchema>;
export type Price = z.output<typeof PriceSchema>;
export type Intake = z.output<typeof IntakeSchema>;
export type AvailabilityInput = z.output<typeof AvailabilityInputSchema>;
export type Availability = z.output<typeof AvailabilitySchema>;
export type Reporter = (typeof REPORTERS)[number];
