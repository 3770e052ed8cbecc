import { useState } from 'preact/hooks';
import { api } from './api';
import { html } from './html';
import type { Strings } from './i18n';
import { Modal } from './modal';
import { mailtoHref, messageBody } from '../text/message-text';
import type { Lang } from '../text/schedule-text';

interface Made { token: string; url: string; expires_at: string }

/** POST /v1/referral-lists with the tray's ids and a language; then link, text, e-mail, copy, print. */
export function ReferralDialog({ tray, t, lang, signedIn, onClose }: { tray: Record<string, any>[]; t: Strings; lang: Lang; signedIn: boolean; onClose: () => void }) {
  const [sheetLang, setSheetLang] = useState<Lang>(lang);
  const [days, setDays] = useState('30');
  const [made, setMade] = useState<Made | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const absolute = (u: string) => new URL(u, location.origin).toString();
  const make = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      setMade(await api.post<Made>('/v1/referral-lists', { center_ids: tray.map((c) => c.id), language: sheetLang, expires_in_days: Number(days) }));
    } catch (err) { setError((err as Error).message); }
  };
  const copy = async (what: string, text: string) => {
    try { await navigator.clipboard.writeText(text); setCopied(what); } catch { setCopied(null); }
  };
  const url = made ? absolute(made.url) : '';
  const message = made ? messageBody(url, sheetLang, Number(days)) : '';
  return html`<${Modal} id="referral" title=${t.sheetTitle} onClose=${onClose} closeLabel=${t.close}>
    ${!signedIn ? html`<p class="warn" role="alert">${t.needsStaff}</p>` : null}
    ${tray.length === 0 ? html`<p>${t.trayEmpty}</p>` : html`<ol>${tray.map((c) => html`<li>${c.name}</li>`)}</ol>`}
    ${!made ? html`<form onSubmit=${make}>
      <div class="row wrap">
        <div class="field narrow"><label for="sheet-lang">${t.sheetLang}</label>
          <select id="sheet-lang" value=${sheetLang} onChange=${(e: any) => setSheetLang(e.currentTarget.value)}>
            <option value="en">English</option><option value="es">Español</option></select></div>
        <div class="field narrow"><label for="sheet-days">${t.expires}</label>
          <input id="sheet-days" type="number" min="1" max="90" value=${days} onInput=${(e: any) => setDays(e.currentTarget.value)} /></div>
      </div>
      <button type="submit" disabled=${!signedIn || tray.length === 0}>${t.make}</button>
    </form>` : html`<div class="sheet-made">
      <p role="status">${t.sheetMade}</p>
      <div class="field"><label for="sheet-url">${t.link}</label><input id="sheet-url" type="text" readonly value=${url} /></div>
      <div class="field"><label for="sheet-message">${t.message}</label>
        <textarea id="sheet-message" readonly rows="4" aria-describedby="sheet-chars">${message}</textarea>
        <p id="sheet-chars" class="hint">${t.chars(message.length)}</p></div>
      <div class="actions">
        <button type="button" onClick=${() => copy('link', url)}>${t.copyLink}</button>
        <button type="button" onClick=${() => copy('message', message)}>${t.copyMessage}</button>
        <a class="button" href=${mailtoHref(url, sheetLang, Number(days))}>${t.email}</a>
        <a class="button" id="sheet-print" href=${`${made.url}#print`} target="_blank" rel="noopener">${t.print}</a>
      </div>
      <p class="hint" role="status">${copied ? t.copied : ''}</p>
    </div>`}
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
  <//>`;
}
