import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { tinykeys } from 'tinykeys';
import { AfterCallDialog, type AfterCall } from './after-call-dialog';
import { api, session } from './api';
import { CompareDialog } from './compare-dialog';
import { CriteriaForm } from './criteria-form';
import { fromUrl, parseNear, toUrl, type Criteria } from './criteria';
import { HelpDialog } from './help-dialog';
import { html } from './html';
import { STRINGS } from './i18n';
import type { Taxonomy } from './labels';
import { ReferralDialog } from './referral-dialog';
import { ResultCard } from './result-card';
import { SignIn, type Who } from './sign-in';
import { TrayPanel, TRAY_MAX } from './tray-panel';
import { useSearch } from './use-search';
import type { Lang } from '../text/schedule-text';

const LANG_SLOT = 'directory.consoleLang';
const TYPING_DEBOUNCE_MS = 200;
/** Criteria the search has today; the callers' facts join when the taxonomy lists conditions. */
const BASE_SUPPORTED = ['level', 'payer', 'insurer', 'medication', 'population', 'language', 'schedule', 'telehealth', 'accepting_new_patients'];
const FACT_SUPPORTED = ['condition', 'accessibility', 'has_openings', 'intake_open_now', 'walk_in'];

type Dialog = { kind: 'help' | 'compare' | 'referral' } | { kind: AfterCall; center: Record<string, any> } | null;

/** Typing in a field never triggers a shortcut; Esc is the dialogs' own. */
const NOT_TYPING = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);
const typingIn = (e: KeyboardEvent) => {
  const el = e.target as HTMLElement | null;
  if (!el) return false;
  if (el.tagName === 'INPUT') return !NOT_TYPING.has((el as HTMLInputElement).type);
  return el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
};

export function App() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem(LANG_SLOT) === 'es' ? 'es' : 'en'));
  const t = STRINGS[lang];
  const [criteria, setCriteria] = useState<Criteria>(() => fromUrl(location.search));
  const [debounce, setDebounce] = useState(0);
  const [tax, setTax] = useState<Taxonomy | null>(null);
  const [who, setWho] = useState<Who | null>(null);
  const [active, setActive] = useState(0);
  const [tray, setTray] = useState<Record<string, any>[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const qRef = useRef<HTMLInputElement | null>(null);
  const listRef = useRef<HTMLOListElement | null>(null);

  const facts = !!tax?.conditions;
  const supported = new Set([...BASE_SUPPORTED, ...(facts ? FACT_SUPPORTED : [])]);
  // No search until the taxonomy says which criteria this API has: a reload with `condition=…`
  // in the URL must not first show results that ignore it.
  const search = useSearch(criteria, debounce, tax ? supported : null);

  useEffect(() => {
    api.get<Taxonomy>('/v1/taxonomy').then(setTax, () => setTax({}));
    const key = session.key();
    if (key) api.whoami(key).then(setWho, () => session.setKey(null));
    const onPop = () => { setDebounce(0); setCriteria(fromUrl(location.search)); };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => { document.documentElement.lang = lang; document.title = t.title; localStorage.setItem(LANG_SLOT, lang); }, [lang]);
  // A new answer: mark it painted for the speed test, and start again from the first result.
  useEffect(() => {
    setActive(0);
    requestAnimationFrame(() => {
      document.body.dataset.painted = String(search.seq);
      if (search.seq > 0 && !performance.getEntriesByName('console-interactive').length) performance.mark('console-interactive');
    });
  }, [search.seq]);

  const change = useCallback((next: Criteria, typing: boolean) => {
    setDebounce(typing ? TYPING_DEBOUNCE_MS : 0);
    setCriteria(next);
    const url = `${location.pathname}${toUrl(next)}`;
    // Typing replaces the entry (one per search, not per letter); a choice adds one.
    if (typing) history.replaceState(null, '', url); else history.pushState(null, '', url);
  }, []);

  const current = () => search.data[active];
  const addToTray = (c: Record<string, any> | undefined) => {
    if (!c) return;
    setTray((tr) => (tr.some((x) => x.id === c.id) ? tr.filter((x) => x.id !== c.id) : tr.length >= TRAY_MAX ? tr : [...tr, c]));
  };
  const move = (by: number) => {
    const n = search.data.length;
    if (!n) return;
    // The first j/k from outside the list lands on the current result rather than skipping it.
    const inList = listRef.current?.contains(document.activeElement) ?? false;
    const next = inList ? Math.max(0, Math.min(n - 1, active + by)) : Math.min(active, n - 1);
    setActive(next);
    listRef.current?.querySelector<HTMLElement>(`li[data-index="${next}"]`)?.focus();
  };
  const page = (by: number) => {
    const p = search.page + by;
    if (p < 1 || p > search.totalPages) return;
    change({ ...criteria, page: p === 1 ? undefined : String(p) }, false);
  };

  const keys = useRef<Record<string, () => void>>({});
  keys.current = {
    '/': () => qRef.current?.focus(),
    j: () => move(1), ArrowDown: () => move(1), k: () => move(-1), ArrowUp: () => move(-1),
    a: () => addToTray(current()), c: () => setDialog({ kind: 'compare' }), r: () => setDialog({ kind: 'referral' }),
    v: () => current() && setDialog({ kind: 'verify', center: current()! }),
    o: () => current() && facts && setDialog({ kind: 'availability', center: current()! }),
    w: () => current() && setDialog({ kind: 'report', center: current()! }),
    n: () => page(1), p: () => page(-1), l: () => setLang(lang === 'en' ? 'es' : 'en'),
    '?': () => setDialog({ kind: 'help' }),
  };
  useEffect(() => {
    const bindings: Record<string, (e: KeyboardEvent) => void> = {};
    for (const k of Object.keys(keys.current)) {
      const run = (e: KeyboardEvent) => {
        if (typingIn(e) || document.querySelector('dialog[open]')) return;
        e.preventDefault();
        keys.current[k]();
      };
      bindings[k] = run;
      if (k === '?') bindings['Shift+?'] = run;
    }
    return tinykeys(window, bindings);
  }, []);

  const near = parseNear(criteria.near);
  const nearParam = near && near !== 'invalid' && 'zip' in near ? near.zip : null;
  const levels = (criteria.level ?? '').split(',').filter(Boolean);
  const status = search.loading ? t.searching : search.error ? `${t.error}: ${search.error}` : t.count(search.total);

  return html`<div class=${`shell${dialog ? ' has-dialog' : ''}`}>
    <a class="skip" href="#results">${t.skip}</a>
    <header class="top" role="banner">
      <h1>${t.title}</h1>
      <div class="top-tools">
        <${SignIn} t=${t} who=${who} onChange=${setWho} />
        <button type="button" class="secondary small" lang=${lang === 'en' ? 'es' : 'en'} aria-label=${t.langSwitchLabel}
          onClick=${() => setLang(lang === 'en' ? 'es' : 'en')} aria-keyshortcuts="l">${t.langSwitch}</button>
        <button type="button" class="secondary small" onClick=${() => setDialog({ kind: 'help' })} aria-keyshortcuts="?">? <span class="sr-only">${t.help}</span></button>
      </div>
    </header>
    ${!who ? html`<p class="readonly" role="note">${t.readOnly}</p>` : null}
    <div class="layout">
      <${CriteriaForm} c=${criteria} t=${t} lang=${lang} tax=${tax} facets=${search.facets} supported=${supported}
        nearError=${search.nearError} qRef=${qRef} onChange=${change} />
      <main id="results" class="results" aria-labelledby="results-title" tabindex="-1">
        <h2 id="results-title">${t.results}</h2>
        <p class="live" role="status" aria-live="polite" aria-atomic="true">${status}</p>
        ${!search.loading && !search.error && search.total === 0 ? html`<p>${t.none}</p>` : null}
        <ol class="result-list" ref=${listRef} data-seq=${search.seq} aria-labelledby="results-title">
          ${search.data.map((c, i) => html`<${ResultCard} key=${c.id} center=${c} index=${i} active=${i === active}
            inTray=${tray.some((x) => x.id === c.id)} trayFull=${tray.length >= TRAY_MAX} t=${t} lang=${lang} tax=${tax}
            levels=${levels} facts=${facts} onAdd=${() => addToTray(c)} onFocus=${() => setActive(i)}
            onAction=${(kind: AfterCall) => setDialog({ kind, center: c })} />`)}
        </ol>
        ${search.totalPages > 1 ? html`<nav class="pager" aria-label=${t.page(search.page, search.totalPages)}>
          <button type="button" class="secondary" disabled=${search.page <= 1} onClick=${() => page(-1)} aria-keyshortcuts="p">${t.prev}</button>
          <span>${t.page(search.page, search.totalPages)}</span>
          <button type="button" class="secondary" disabled=${search.page >= search.totalPages} onClick=${() => page(1)} aria-keyshortcuts="n">${t.next}</button>
        </nav>` : null}
      </main>
      <${TrayPanel} tray=${tray} t=${t} onRemove=${(id: string) => setTray(tray.filter((x) => x.id !== id))}
        onCompare=${() => setDialog({ kind: 'compare' })} onReferral=${() => setDialog({ kind: 'referral' })} />
    </div>
    ${dialog?.kind === 'help' ? html`<${HelpDialog} t=${t} onClose=${() => setDialog(null)} />` : null}
    ${dialog?.kind === 'compare' ? html`<${CompareDialog} tray=${tray} near=${nearParam} t=${t} lang=${lang} tax=${tax} onClose=${() => setDialog(null)} />` : null}
    ${dialog?.kind === 'referral' ? html`<${ReferralDialog} tray=${tray} t=${t} lang=${lang} signedIn=${!!who} onClose=${() => setDialog(null)} />` : null}
    ${dialog && 'center' in dialog ? html`<${AfterCallDialog} kind=${dialog.kind} center=${dialog.center} t=${t} lang=${lang}
      role=${who?.role ?? null} onClose=${() => setDialog(null)} onDone=${() => {}} />` : null}
  </div>`;
}
