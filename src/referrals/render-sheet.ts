import crypto from 'node:crypto';
import type { ReferralSheet, SheetLanguage } from './referral-schemas';
import { SHEET_TEXT } from './sheet-text';

/** Everything that reaches the page passes through here: listings are written by many hands. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

const CSS = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.45;color:#1a1a1a;background:#fff}
body{margin:0 auto;max-width:46rem;padding:1rem}
h1{font-size:1.6rem;margin:.2rem 0 .4rem}h2{font-size:1.2rem;margin:0 0 .3rem}
ol{list-style:none;padding:0;margin:0}li.program{border:1px solid #767676;border-radius:.4rem;padding:.8rem;margin:0 0 .8rem;break-inside:avoid}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .8rem;margin:.3rem 0}dt{font-weight:600}dd{margin:0}
a{color:#0b4fa8}a:focus-visible,button:focus-visible{outline:3px solid #0b4fa8;outline-offset:2px}
.note{color:#444}.warn{color:#8a1c00;font-weight:600}
button{font:inherit;padding:.5rem 1rem;border:2px solid #0b4fa8;background:#0b4fa8;color:#fff;border-radius:.3rem;cursor:pointer}
ul.ask{margin:.2rem 0;padding-left:1.2rem}
@media print{button{display:none}a{color:#000;text-decoration:none}li.program{border-color:#000}body{max-width:none}}
`;
const SCRIPT = `document.getElementById('print').addEventListener('click',function(){window.print()});if(location.hash==='#print')window.addEventListener('load',function(){window.print()});`;
const hash = (s: string) => `'sha256-${crypto.createHash('sha256').update(s).digest('base64')}'`;

/** No script or style but the two here, no framing by others, no forms, no referrer. */
export const SHEET_CSP = [
  "default-src 'none'", `style-src ${hash(CSS)}`, `script-src ${hash(SCRIPT)}`, "img-src 'self'",
  "base-uri 'none'", "form-action 'none'", "frame-ancestors 'self'",
].join('; ');

function page(lang: SheetLanguage, title: string, body: string, withPrint: boolean) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<meta name="robots" content="noindex"><meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title><style>${CSS}</style></head>`
    + `<body><main>${body}</main>${withPrint ? `<script>${SCRIPT}</script>` : ''}</body></html>`;
}

const dateIn = (iso: string, lang: SheetLanguage) =>
  new Intl.DateTimeFormat(lang === 'es' ? 'es-US' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));

const tel = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, '')}`;

export function renderSheet(sheet: ReferralSheet): string {
  const t = SHEET_TEXT[sheet.language];
  const items = sheet.centers.map((c) => {
    const rows: string[] = [];
    if (c.phone) rows.push(`<dt>${t.phone}</dt><dd><a href="${escapeHtml(tel(c.phone))}">${escapeHtml(c.phone)}</a></dd>`);
    if (c.intake_phone) rows.push(`<dt>${t.intake}</dt><dd><a href="${escapeHtml(tel(c.intake_phone))}">${escapeHtml(c.intake_phone)}</a></dd>`);
    if (c.intake_hours.length) rows.push(`<dt>${t.intakeHours}</dt><dd>${c.intake_hours.map(escapeHtml).join('<br>')}</dd>`);
    const a = c.address;
    rows.push(`<dt>${t.address}</dt><dd>${escapeHtml(a.line1)}${a.line2 ? `, ${escapeHtml(a.line2)}` : ''}<br>${escapeHtml(a.city)}, ${escapeHtml(a.state)} ${escapeHtml(a.postal_code)}<br><a href="${escapeHtml(c.map_url)}">${t.map}</a></dd>`);
    if (c.hours.length) rows.push(`<dt>${t.hours}</dt><dd>${c.hours.map(escapeHtml).join('<br>')}</dd>`);
    if (c.website) rows.push(`<dt>${t.website}</dt><dd><a href="${escapeHtml(c.website)}">${escapeHtml(c.website.replace(/^https?:\/\//, ''))}</a></dd>`);
    const status = c.status === 'closed' ? `<p class="warn">${t.closed}</p>` : c.status === 'temporarily_closed' ? `<p class="warn">${t.tempClosed}</p>` : '';
    return `<li class="program"><h2>${escapeHtml(c.name)}</h2>${status}<dl>${rows.join('')}</dl>`
      + `<h3>${t.askFor}</h3><ul class="ask">${c.ask_for.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul></li>`;
  }).join('');
  const body = `<h1>${t.title}</h1><p>${t.intro}</p>`
    + (sheet.centers.length ? `<ol>${items}</ol>` : `<p>${t.none}</p>`)
    + `<p class="note">${escapeHtml(t.expires(dateIn(sheet.expires_at, sheet.language)))}</p><button type="button" id="print">${t.print}</button>`;
  return page(sheet.language, t.title, body, true);
}

/** The page for an expired or unknown link: in both languages, since the sheet's is unknown. */
export function renderMissing(state: 'expired' | 'missing'): string {
  const parts = (['en', 'es'] as const).map((lang) => {
    const t = SHEET_TEXT[lang];
    return `<section lang="${lang}"><h${lang === 'en' ? 1 : 2}>${state === 'expired' ? t.goneTitle : t.title}</h${lang === 'en' ? 1 : 2}><p>${state === 'expired' ? t.gone : t.missing}</p></section>`;
  }).join('');
  return page('en', SHEET_TEXT.en.goneTitle, parts, false);
}
