import { useState } from 'preact/hooks';
import { api } from './api';
import { html } from './html';
import type { Strings } from './i18n';

interface Coverage { payer: string; deductible: string; deductible_met: string; coinsurance: string; copay_per_day: string; oop_max: string }
const EMPTY: Coverage = { payer: 'private', deductible: '', deductible_met: '', coinsurance: '', copay_per_day: '', oop_max: '' };
const money = (n: number | null | undefined) => (n == null ? '—' : `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);

/**
 * The caller's coverage, typed by staff, lives only in this component's memory and goes only
 * into the cost requests (GET /v1/cost-comparison per center); it is not in the URL or storage.
 */
export function CostPanel({ centers, t }: { centers: Record<string, any>[]; t: Strings }) {
  const [cov, setCov] = useState<Coverage>(EMPTY);
  const [rows, setRows] = useState<{ center: Record<string, any>; cost: any }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = (k: keyof Coverage, text: string) => html`<div class="field narrow"><label for=${`cost-${k}`}>${text}</label>
    <input id=${`cost-${k}`} type="text" inputmode="decimal" autocomplete="off" value=${cov[k]} onInput=${(e: any) => setCov({ ...cov, [k]: e.currentTarget.value })} /></div>`;
  const num = (s: string) => s.replace(/[$,\s%]/g, '');
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true); setError(null);
    const params: Record<string, string> = { payer: cov.payer };
    if (cov.payer === 'private') {
      for (const k of ['deductible', 'deductible_met', 'copay_per_day', 'oop_max'] as const) if (num(cov[k])) params[k] = num(cov[k]);
      if (num(cov.coinsurance)) params.coinsurance = String(Number(num(cov.coinsurance)) / 100);
    }
    try {
      const costs = await Promise.all(centers.map((c) => api.get<any>('/v1/cost-comparison', { ...params, center: c.id })));
      setRows(centers.map((center, i) => ({ center, cost: costs[i] })));
    } catch (err) { setError((err as Error).message); setRows(null); }
    setBusy(false);
  };
  const option = (o: any) => (o?.estimated ? html`<strong>${money(o.patient_pays)}</strong><br /><span class="hint">${t.allowed}: ${money(o.allowed_total)}</span>`
    : html`<span class="hint">${o?.not_estimated_reason ?? '—'}</span>`);
  return html`<section class="cost" aria-labelledby="cost-title">
    <h3 id="cost-title">${t.costTitle}</h3>
    <p class="hint">${t.costHint}</p>
    <form onSubmit=${submit} autocomplete="off">
      <div class="row wrap">
        <div class="field narrow"><label for="cost-payer">${t.costPayer}</label>
          <select id="cost-payer" value=${cov.payer} onChange=${(e: any) => setCov({ ...cov, payer: e.currentTarget.value })}>
            ${Object.entries(t.costPayers).map(([code, name]) => html`<option value=${code}>${name}</option>`)}
          </select></div>
        ${cov.payer === 'private' ? [input('deductible', t.deductible), input('deductible_met', t.deductibleMet), input('coinsurance', t.coinsurance),
          input('copay_per_day', t.copay), input('oop_max', t.oopMax)] : null}
      </div>
      <button type="submit" disabled=${busy}>${t.estimate}</button>
    </form>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    ${rows ? html`<div class="table-wrap"><table class="costs">
      <caption class="sr-only">${t.costTitle}</caption>
      <thead><tr><th scope="col">${t.program}</th><th scope="col">${t.iop} · ${t.patientPays}</th><th scope="col">${t.inpatient} · ${t.patientPays}</th></tr></thead>
      <tbody>${rows.map(({ center, cost }) => html`<tr><th scope="row">${center.name}</th><td>${option(cost.options.iop)}</td><td>${option(cost.options.inpatient)}</td></tr>`)}</tbody>
    </table></div>
    <p class="disclaimer" role="note">${rows[0].cost.disclaimer}</p>` : null}
  </section>`;
}
