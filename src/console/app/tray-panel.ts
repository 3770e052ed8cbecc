import { html } from './html';
import type { Strings } from './i18n';

export const TRAY_MAX = 5;

export function TrayPanel({ tray, t, onRemove, onCompare, onReferral }: {
  tray: Record<string, any>[]; t: Strings; onRemove: (id: string) => void; onCompare: () => void; onReferral: () => void;
}) {
  return html`<aside class="tray" aria-labelledby="tray-title">
    <h2 id="tray-title">${t.tray} <span class="count">(${tray.length}/${TRAY_MAX})</span></h2>
    ${tray.length === 0 ? html`<p class="hint">${t.trayEmpty}</p>` : html`<ol class="tray-list">
      ${tray.map((c) => html`<li><span>${c.name}</span>
        <button type="button" class="secondary small" onClick=${() => onRemove(c.id)} aria-label=${`${t.remove}: ${c.name}`}>${t.remove}</button></li>`)}
    </ol>`}
    ${tray.length >= TRAY_MAX ? html`<p class="hint">${t.trayFull}</p>` : null}
    <div class="actions">
      <button type="button" onClick=${onCompare} aria-keyshortcuts="c">${t.compare} <kbd>c</kbd></button>
      <button type="button" onClick=${onReferral} aria-keyshortcuts="r">${t.referral} <kbd>r</kbd></button>
    </div>
  </aside>`;
}
