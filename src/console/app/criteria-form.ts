import { html } from './html';
import { FLAG_KEYS, listOf, toggle, type Criteria, type FlagKey, type ListKey } from './criteria';
import { label, LIST_OF, type Taxonomy } from './labels';
import type { Strings } from './i18n';
import type { Lang } from '../text/schedule-text';

interface Props {
  c: Criteria; t: Strings; lang: Lang; tax: Taxonomy | null; facets: Record<string, Record<string, number>>;
  supported: Set<string>; nearError: boolean; qRef: { current: HTMLInputElement | null };
  onChange: (next: Criteria, typing: boolean) => void;
}

/** Groups shown open; the long lists fold away behind their legend. */
const GROUPS: { key: ListKey; open: boolean }[] = [
  { key: 'level', open: true }, { key: 'schedule', open: true }, { key: 'payer', open: true }, { key: 'condition', open: false },
  { key: 'insurer', open: false }, { key: 'medication', open: false }, { key: 'population', open: false },
  { key: 'language', open: false }, { key: 'accessibility', open: false },
];
const FLAG_LABEL: Record<FlagKey, keyof Strings> = {
  telehealth: 'telehealth', accepting_new_patients: 'accepting', has_openings: 'openings', intake_open_now: 'intakeNow', walk_in: 'walkIn',
};

export function CriteriaForm({ c, t, lang, tax, facets, supported, nearError, qRef, onChange }: Props) {
  const set = (k: keyof Criteria, v: string, typing = false) => onChange({ ...c, [k]: v || undefined, page: undefined }, typing);
  const group = ({ key, open }: { key: ListKey; open: boolean }) => {
    const list = LIST_OF[key];
    if (!supported.has(key) || !tax?.[list]) return null;
    const chosen = listOf(c, key);
    const counts = facets[key] ?? {};
    const boxes = tax[list].map(({ code }) => {
      const id = `f-${key}-${code}`;
      const n = counts[code] ?? 0;
      return html`<li><input type="checkbox" id=${id} checked=${chosen.includes(code)} onChange=${() => onChange(toggle(c, key, code), false)} />
        <label for=${id}>${label(tax, list, code, lang)} <span class="count">(${n})</span></label></li>`;
    });
    const title = (t as any)[key] as string;
    return html`<details class="group" open=${open || chosen.length > 0}>
      <summary>${title}${chosen.length ? html` <span class="chosen">(${chosen.length})</span>` : ''}</summary>
      <fieldset><legend class="sr-only">${title}</legend><ul class="boxes">${boxes}</ul></fieldset></details>`;
  };
  return html`<form role="search" aria-label=${t.criteria} class="criteria" onSubmit=${(e: Event) => e.preventDefault()}>
    <h2>${t.criteria}</h2>
    <div class="field"><label for="q">${t.q}</label>
      <input id="q" ref=${qRef} type="search" autocomplete="off" placeholder=${t.qHint} value=${c.q ?? ''}
        onInput=${(e: any) => set('q', e.currentTarget.value, true)} /></div>
    <div class="row">
      <div class="field grow"><label for="near">${t.near}</label>
        <input id="near" type="text" inputmode="text" autocomplete="off" value=${c.near ?? ''} aria-invalid=${nearError ? 'true' : 'false'}
          aria-describedby=${nearError ? 'near-error' : undefined} onInput=${(e: any) => set('near', e.currentTarget.value, true)} />
        ${nearError ? html`<p id="near-error" class="error">${t.nearBad}</p>` : null}</div>
      <div class="field narrow"><label for="radius">${t.radius}</label>
        <select id="radius" value=${c.radius ?? ''} onChange=${(e: any) => set('radius', e.currentTarget.value)}>
          ${['', '5', '10', '25', '50', '100'].map((r) => html`<option value=${r}>${r || '25'}</option>`)}
        </select></div>
    </div>
    ${GROUPS.map(group)}
    <fieldset class="flags"><legend>${t.more}</legend><ul class="boxes">
      ${FLAG_KEYS.filter((k) => supported.has(k)).map((k) => html`<li><input type="checkbox" id=${`f-${k}`} checked=${c[k] === 'true'}
        onChange=${(e: any) => set(k, e.currentTarget.checked ? 'true' : '')} /><label for=${`f-${k}`}>${t[FLAG_LABEL[k]] as string}</label></li>`)}
    </ul></fieldset>
    <div class="row">
      <div class="field grow"><label for="sort">${t.sort}</label>
        <select id="sort" value=${c.sort ?? ''} onChange=${(e: any) => set('sort', e.currentTarget.value)}>
          ${(['', 'distance', 'name', 'updated', ...(supported.has('has_openings') ? ['soonest'] : [])]).map((s) => html`<option value=${s}>${(t.sorts as any)[s || 'default']}</option>`)}
        </select></div>
      <button type="button" class="secondary" onClick=${() => onChange({}, false)}>${t.clear}</button>
    </div>
  </form>`;
}
