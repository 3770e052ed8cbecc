import type { Center } from '../centers/center-schema';
import { hoursLines, levelName, sessionLines } from '../console/text/schedule-text';
import type { SheetCenter, SheetLanguage } from './referral-schemas';
import { SHEET_TEXT } from './sheet-text';

/** The callers' facts (conditions, intake, …) when the API has them; read loosely so this works before and after they land. */
interface IntakeFacts { phone?: string | null; hours?: { days: string[]; start: string; end: string }[]; walk_in?: boolean; referral_required?: boolean }

export function mapUrl(a: Center['address']): string {
  const q = [a.line1, a.line2, `${a.city}, ${a.state} ${a.postal_code}`].filter(Boolean).join(', ');
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(q)}`;
}

/** One program as the sheet shows it: how to reach it, when, and what to ask for. */
export function presentSheetCenter(c: Center, lang: SheetLanguage): SheetCenter {
  const t = SHEET_TEXT[lang];
  const intake = (c as Center & { intake?: IntakeFacts | null }).intake ?? null;
  const ask = c.levels_of_care.slice(0, 2).map((l) => t.ask.level(levelName(l, lang)));
  ask.push(t.ask.insurance, t.ask.start);
  if (intake?.walk_in) ask.push(t.ask.walkIn);
  if (intake?.referral_required) ask.push(t.ask.referral);
  return {
    id: c.id, name: c.name, status: c.status, phone: c.phone ?? null,
    intake_phone: intake?.phone && intake.phone !== c.phone ? intake.phone : null,
    website: c.website ?? null,
    address: { line1: c.address.line1, line2: c.address.line2 ?? null, city: c.address.city, state: c.address.state, postal_code: c.address.postal_code },
    map_url: mapUrl(c.address),
    levels: c.levels_of_care.map((code) => ({ code, name: levelName(code, lang) })),
    hours: sessionLines(c.schedules, lang),
    intake_hours: intake?.hours ? hoursLines(intake.hours, lang) : [],
    ask_for: ask,
  };
}
