import { html } from './html';
import { labels, type Taxonomy } from './labels';
import type { Strings } from './i18n';
import { levelName, sessionLines, type Lang } from '../text/schedule-text';

/** A listing verified longer ago than this is flagged for staff to re-check. */
export const STALE_VERIFIED_DAYS = 90;

export const daysSince = (iso: string | null | undefined) =>
  iso ? Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 86_400_000)) : null;

interface Props {
  center: Record<string, any>; index: number; active: boolean; inTray: boolean; trayFull: boolean;
  t: Strings; lang: Lang; tax: Taxonomy | null; levels: string[]; facts: boolean;
  onAdd: () => void; onFocus: () => void; onAction: (kind: 'verify' | 'availability' | 'report') => void;
}

/** One result, in the order staff read it to a caller. */
export function ResultCard({ center: c, index, active, inTray, trayFull, t, lang, tax, levels, facts, onAdd, onFocus, onAction }: Props) {
  const headingId = `r-${c.id}`;
  const sessions = sessionLines(c.schedules ?? [], lang, levels.length ? levels : undefined);
  const verifiedDays = daysSince(c.verified_at);
  const stale = verifiedDays === null || verifiedDays > STALE_VERIFIED_DAYS;
  const intake = c.intake as Record<string, any> | undefined | null;
  const availability = (c.availability ?? []) as Record<string, any>[];
  const row = (name: string, value: unknown) => (value ? html`<dt>${name}</dt><dd>${value}</dd>` : null);
  return html`<li class=${`result${active ? ' active' : ''}`} tabindex="-1" data-index=${index} aria-labelledby=${headingId} onFocus=${onFocus}>
    <article>
      <header class="result-head">
        <h3 id=${headingId}>${c.name}</h3>
        <p class="meta">
          ${typeof c.distance_miles === 'number' ? html`<span class="distance">${t.miles(c.distance_miles)}</span> · ` : null}
          <span>${(c.levels_of_care ?? []).map((l: string) => levelName(l, lang)).join(', ')}</span>
          ${c.telehealth ? html` · <span>${t.telehealthYes}</span>` : null}
        </p>
      </header>
      <dl class="facts">
        ${row(t.sessions, sessions.length ? html`${sessions.map((s, i) => html`${i ? html`<br />` : null}${s}`)}` : t.noSessions)}
        ${row(t.pays, labels(tax, 'payers', c.payers, lang))}
        ${row(t.insurers, labels(tax, 'insurers', c.insurers, lang))}
        ${row(t.meds, labels(tax, 'medications', c.medications, lang))}
        ${row(t.langs, labels(tax, 'languages', c.languages, lang))}
        ${availability.length ? row(t.openingsLabel, html`${availability.map((a, i) => html`${i ? html`<br />` : null}
          <span class=${a.stale ? 'stale' : ''}>${levelName(a.level, lang)}: ${(t.opening as any)[a.status] ?? a.status}${a.open_slots != null ? `, ${t.slots(a.open_slots)}` : ''}${a.waitlist_days != null ? `, ${t.waitDays(a.waitlist_days)}` : ''}${' '}
          (${t.ageHours(a.age_hours ?? 0)}${a.stale ? `, ${t.stale}` : ''})</span>`)}`) : null}
        ${row(t.phone, c.phone ? html`<a href=${`tel:${String(c.phone).replace(/[^0-9+]/g, '')}`}>${c.phone}</a>` : null)}
        ${intake?.phone || c.intake_open_now !== undefined ? row(t.intake, html`${intake?.phone ?? ''}
          ${c.intake_open_now !== undefined ? html` <span class=${c.intake_open_now ? 'ok' : 'warn'}>(${c.intake_open_now ? t.intakeOpen : t.intakeClosed})</span>` : null}
          ${intake?.walk_in ? html` · ${t.walkInYes}` : null}`) : null}
      </dl>
      <p class="status">
        <span class=${stale ? 'warn' : 'ok'}>${verifiedDays === null ? t.neverVerified : t.verified(verifiedDays)}${stale && verifiedDays !== null ? ` (${t.stale})` : ''}</span>
        ${c.accepting_new_patients === false ? html` · <span class="warn">${t.notAccepting}</span>` : null}
      </p>
      <div class="actions">
        <button type="button" onClick=${onAdd} aria-pressed=${inTray ? 'true' : 'false'} disabled=${!inTray && trayFull}
          aria-keyshortcuts="a">${inTray ? t.added : t.add}</button>
        <button type="button" class="secondary" onClick=${() => onAction('verify')} aria-keyshortcuts="v">${t.verify}</button>
        ${facts ? html`<button type="button" class="secondary" onClick=${() => onAction('availability')} aria-keyshortcuts="o">${t.availability}</button>` : null}
        <button type="button" class="secondary" onClick=${() => onAction('report')} aria-keyshortcuts="w">${t.report}</button>
      </div>
    </article>
  </li>`;
}

