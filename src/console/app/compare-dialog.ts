import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import { CostPanel } from './cost-panel';
import { html } from './html';
import type { Strings } from './i18n';
import { labels, type Taxonomy } from './labels';
import { Modal } from './modal';
import { daysSince } from './result-card';
import { levelName, sessionLines, type Lang } from '../text/schedule-text';

type C = Record<string, any>;
/** Rows of the table: the field GET /v1/compare names in `differences`, and how to show it. */
const ROWS: { field: string; name: (t: Strings) => string; show: (c: C, t: Strings, lang: Lang, tax: Taxonomy | null) => unknown }[] = [
  { field: 'distance_miles', name: (t) => t.distance, show: (c, t) => (typeof c.distance_miles === 'number' ? t.miles(c.distance_miles) : '—') },
  { field: 'levels_of_care', name: (t) => t.level, show: (c, _t, lang) => c.levels_of_care.map((l: string) => levelName(l, lang)).join(', ') },
  { field: 'schedules', name: (t) => t.sessions, show: (c, t, lang) => { const s = sessionLines(c.schedules, lang); return s.length ? s.map((x, i) => html`${i ? html`<br />` : null}${x}`) : t.noSessions; } },
  { field: 'payers', name: (t) => t.pays, show: (c, _t, lang, tax) => labels(tax, 'payers', c.payers, lang) },
  { field: 'insurers', name: (t) => t.insurers, show: (c, _t, lang, tax) => labels(tax, 'insurers', c.insurers, lang) || '—' },
  { field: 'medications', name: (t) => t.meds, show: (c, _t, lang, tax) => labels(tax, 'medications', c.medications, lang) || '—' },
  { field: 'languages', name: (t) => t.langs, show: (c, _t, lang, tax) => labels(tax, 'languages', c.languages, lang) },
  { field: 'populations', name: (t) => t.population, show: (c, _t, lang, tax) => labels(tax, 'populations', c.populations, lang) },
  { field: 'conditions', name: (t) => t.condition, show: (c, _t, lang, tax) => labels(tax, 'conditions', c.conditions, lang) || '—' },
  { field: 'telehealth', name: (t) => t.telehealth, show: (c) => (c.telehealth ? '✓' : '—') },
  { field: 'accepting_new_patients', name: (t) => t.accepting, show: (c) => (c.accepting_new_patients ? '✓' : '—') },
  { field: 'verified_at', name: (t) => t.verifiedRow, show: (c, t) => { const d = daysSince(c.verified_at); return d === null ? t.neverVerified : t.verified(d); } },
  { field: 'prices', name: (t) => t.prices, show: (c) => (c.prices ?? []).map((p: C) => `${p.level}: $${p.amount}/${p.unit}`).join(', ') || '—' },
];

export function CompareDialog({ tray, near, t, lang, tax, onClose }: { tray: C[]; near: string | null; t: Strings; lang: Lang; tax: Taxonomy | null; onClose: () => void }) {
  const [result, setResult] = useState<{ data: C[]; differences: { field: string }[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (tray.length < 2) return;
    api.get<any>('/v1/compare', { ids: tray.map((c) => c.id).join(','), near }).then(setResult, (e) => setError(e.message));
  }, []);
  const differs = new Set(result?.differences.map((d) => d.field) ?? []);
  const rows = ROWS.filter((r) => r.field !== 'conditions' || result?.data.some((c) => c.conditions))
    .filter((r) => r.field !== 'distance_miles' || result?.data.some((c) => typeof c.distance_miles === 'number'));
  return html`<${Modal} id="compare" title=${t.compareTitle} onClose=${onClose} closeLabel=${t.close} wide>
    ${tray.length < 2 ? html`<p>${t.needTwo}</p>` : null}
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    ${result ? html`<div class="table-wrap" tabindex="0" role="region" aria-label=${t.compareTitle}><table class="compare">
      <thead><tr><th scope="col">${t.field}</th>${result.data.map((c) => html`<th scope="col">${c.name}</th>`)}</tr></thead>
      <tbody>${rows.map((r) => html`<tr class=${differs.has(r.field) ? 'diff' : ''}>
        <th scope="row">${r.name(t)}${differs.has(r.field) ? html` <span class="badge">${t.differs}</span>` : null}</th>
        ${result.data.map((c) => html`<td>${r.show(c, t, lang, tax)}</td>`)}</tr>`)}</tbody>
    </table></div>
    <${CostPanel} centers=${result.data} t=${t} />` : null}
  <//>`;
}
