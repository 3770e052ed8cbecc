import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from './api';
import { html } from './html';
import type { Strings } from './i18n';
import { Modal } from './modal';
import { levelName, type Lang } from '../text/schedule-text';

export type AfterCall = 'verify' | 'availability' | 'report';
type C = Record<string, any>;

/**
 * After the call: mark verified with a note (POST /v1/centers/{id}/verify, staff),
 * update openings (PUT /v1/centers/{id}/availability, when the API has it), report a wrong
 * listing (POST /v1/centers/{id}/reports, anyone).
 */
export function AfterCallDialog({ kind, center, t, lang, role, onClose, onDone }: { kind: AfterCall; center: C; t: Strings; lang: Lang; role: string | null; onClose: () => void; onDone: () => void }) {
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reasons, setReasons] = useState<{ code: string; label: string }[]>([]);
  const [reason, setReason] = useState('other');
  const [details, setDetails] = useState('');
  const [avail, setAvail] = useState<C[]>(() => center.levels_of_care.map((level: string) => {
    const a = (center.availability ?? []).find((x: C) => x.level === level);
    return { level, status: a?.status ?? '', open_slots: a?.open_slots ?? '', waitlist_days: a?.waitlist_days ?? '' };
  }));
  useEffect(() => { if (kind === 'report') api.get<{ code: string; label: string }[]>('/v1/report-reasons').then(setReasons, () => {}); }, []);
  const run = async (e: Event, call: () => Promise<unknown>, ok: string) => {
    e.preventDefault(); setError(null);
    try { await call(); setDone(ok); onDone(); } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      setError(status === 401 ? t.needsStaff : status === 403 ? t.needsAdmin : (err as Error).message);
    }
  };
  const title = kind === 'verify' ? t.verifyTitle : kind === 'availability' ? t.availTitle : t.reportTitle;
  let body;
  if (kind === 'verify') {
    const note = () => ((document.getElementById('verify-note') as HTMLTextAreaElement | null)?.value ?? '').trim();
    body = html`<form onSubmit=${(e: Event) => run(e, () => api.post(`/v1/centers/${center.id}/verify`, note() ? { note: note() } : {}), t.verifiedDone)}>
      <p>${t.verifyText}</p>${!role ? html`<p class="warn">${t.needsStaff}</p>` : null}
      <div class="field"><label for="verify-note">${t.verifyNote}</label><textarea id="verify-note" maxlength="500" rows="3"></textarea></div>
      <button type="submit">${t.confirm}</button></form>`;
  } else if (kind === 'availability') {
    const set = (i: number, k: string, v: string) => setAvail(avail.map((a, j) => (j === i ? { ...a, [k]: v } : a)));
    const payload = () => ({ availability: avail.filter((a) => a.status).map((a) => ({
      level: a.level, status: a.status,
      ...(a.open_slots !== '' && a.status === 'open' ? { open_slots: Number(a.open_slots) } : {}),
      ...(a.waitlist_days !== '' && a.status === 'waitlist' ? { waitlist_days: Number(a.waitlist_days) } : {}),
    })) });
    body = html`<form onSubmit=${(e: Event) => run(e, () => api.put(`/v1/centers/${center.id}/availability`, payload()), t.saved)}>
      ${!role ? html`<p class="warn">${t.needsStaff}</p>` : null}
      ${avail.map((a, i) => html`<fieldset class="row wrap"><legend>${levelName(a.level, lang)}</legend>
        <div class="field narrow"><label for=${`av-s-${i}`}>${t.status}</label>
          <select id=${`av-s-${i}`} value=${a.status} onChange=${(e: any) => set(i, 'status', e.currentTarget.value)}>
            <option value="">—</option>${(['open', 'waitlist', 'full'] as const).map((s) => html`<option value=${s}>${t.opening[s]}</option>`)}</select></div>
        <div class="field narrow"><label for=${`av-o-${i}`}>${t.openSlots}</label>
          <input id=${`av-o-${i}`} type="number" min="0" value=${a.open_slots} onInput=${(e: any) => set(i, 'open_slots', e.currentTarget.value)} /></div>
        <div class="field narrow"><label for=${`av-w-${i}`}>${t.waitlistDays}</label>
          <input id=${`av-w-${i}`} type="number" min="0" value=${a.waitlist_days} onInput=${(e: any) => set(i, 'waitlist_days', e.currentTarget.value)} /></div>
      </fieldset>`)}
      <button type="submit">${t.save}</button></form>`;
  } else {
    body = html`<form onSubmit=${(e: Event) => run(e, () => api.post(`/v1/centers/${center.id}/reports`, { reason, details: details || null }), t.reported)}>
      <div class="field"><label for="report-reason">${t.reason}</label>
        <select id="report-reason" value=${reason} onChange=${(e: any) => setReason(e.currentTarget.value)}>
          ${(reasons.length ? reasons : [{ code: 'other', label: 'Other' }]).map((r) => html`<option value=${r.code}>${r.label}</option>`)}</select></div>
      <div class="field"><label for="report-details">${t.details}</label>
        <textarea id="report-details" rows="3" maxlength="1000" value=${details} onInput=${(e: any) => setDetails(e.currentTarget.value)}></textarea></div>
      <button type="submit">${t.send}</button></form>`;
  }
  return html`<${Modal} id="after-call" title=${`${title}: ${center.name}`} onClose=${onClose} closeLabel=${t.close}>
    ${done ? html`<p role="status" class="ok">${done}</p>` : body}
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
  <//>`;
}
