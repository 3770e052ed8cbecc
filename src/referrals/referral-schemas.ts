import { z } from 'zod';
import { AddressSchema } from '../centers/center-schema';

export const SHEET_LANGUAGES = ['en', 'es'] as const;
export const DEFAULT_EXPIRY_DAYS = 30;
export const MAX_SHEET_CENTERS = 5;
/** 24 random bytes, base64url: 32 characters, 192 bits — not guessable, not enumerable. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export const ReferralListInput = z.strictObject({
  center_ids: z.array(z.uuid({ message: 'must be a center id (a UUID)' })).min(1, 'must list at least one center')
    .max(MAX_SHEET_CENTERS, `must list at most ${MAX_SHEET_CENTERS} centers`)
    .refine((a) => new Set(a.map((s) => s.toLowerCase())).size === a.length, 'lists a center twice')
    .describe(`The programs on the sheet, in order (1–${MAX_SHEET_CENTERS} center ids)`),
  language: z.enum(SHEET_LANGUAGES, 'must be en or es').default('en').describe('Language of the sheet: en or es'),
  expires_in_days: z.number().int('must be a whole number').min(1, 'must be at least 1').max(90, 'must be at most 90')
    .default(DEFAULT_EXPIRY_DAYS).describe(`Days until the link stops working (1–90, default ${DEFAULT_EXPIRY_DAYS})`),
}).meta({ id: 'ReferralListInput', description: 'Only center ids and a language: never anything about the caller' });

export const TokenParams = z.strictObject({
  token: z.string().regex(TOKEN_PATTERN, 'must be a referral token (32 letters, digits, - or _)').describe('The token of the sheet'),
});

export const ReferralListCreated = z.object({
  token: z.string().describe('Secret part of the link; shown in this response and to whoever holds the link'),
  url: z.string().describe('The printable sheet: GET /r/{token}, absolute when PUBLIC_URL is set'),
  json_url: z.string().describe('The same sheet as JSON'),
  language: z.enum(SHEET_LANGUAGES),
  center_ids: z.array(z.uuid()),
  created_at: z.string(), expires_at: z.string(),
}).meta({ id: 'ReferralListCreated' });

export const SheetCenterSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.string().describe('active, temporarily_closed or closed (at the time the sheet is read)'),
  phone: z.string().nullable(),
  intake_phone: z.string().nullable().describe('The intake line, when the center lists one apart from its main number'),
  website: z.string().nullable(),
  address: AddressSchema,
  map_url: z.string().describe('A map search for the address'),
  levels: z.array(z.object({ code: z.string(), name: z.string() })),
  hours: z.array(z.string()).describe('Weekly sessions, in the sheet\'s language ("IOP Mon/Wed/Fri 6–9 pm, in person")'),
  intake_hours: z.array(z.string()).describe('When the intake line is staffed, when listed'),
  ask_for: z.array(z.string()).describe('What to ask for when calling, in the sheet\'s language'),
}).meta({ id: 'ReferralSheetCenter' });

export const ReferralSheetSchema = z.object({
  language: z.enum(SHEET_LANGUAGES),
  created_at: z.string(), expires_at: z.string(),
  centers: z.array(SheetCenterSchema).describe('The programs still listed, in the order chosen; a center since deleted is left out'),
}).meta({ id: 'ReferralSheet' });

export type ReferralListInputT = z.output<typeof ReferralListInput>;
export type SheetCenter = z.output<typeof SheetCenterSchema>;
export type ReferralSheet = z.output<typeof ReferralSheetSchema>;
export type SheetLanguage = (typeof SHEET_LANGUAGES)[number];
