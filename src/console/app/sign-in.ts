import { useState } from 'preact/hooks';
import { api, session } from './api';
import { html } from './html';
import type { Strings } from './i18n';

export interface Who { role: string; name: string }

/** The staff key, typed once, kept in sessionStorage (this tab) only. */
export function SignIn({ t, who, onChange }: { t: Strings; who: Who | null; onChange: (w: Who | null) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (who) {
    return html`<div class="signin"><span>${t.signedInAs(who.name, who.role)}</span>
      <button type="button" class="secondary small" onClick=${() => { session.setKey(null); onChange(null); }}>${t.signOut}</button></div>`;
  }
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      const me = await api.whoami(key.trim());
      if (me.role === 'anonymous' || me.role === 'partner') throw new Error('role');
      session.setKey(key.trim());
      setKey(''); setError(null);
      onChange(me);
    } catch { setError(t.badKey); }
  };
  return html`<form class="signin" onSubmit=${submit}>
    <label for="staff-key">${t.keyLabel}</label>
    <input id="staff-key" type="password" autocomplete="off" value=${key} onInput=${(e: any) => setKey(e.currentTarget.value)}
      aria-describedby="key-hint${error ? ' key-error' : ''}" />
    <button type="submit" class="small">${t.signIn}</button>
    <span id="key-hint" class="sr-only">${t.keyHint}</span>
    ${error ? html`<span id="key-error" class="error" role="alert">${error}</span>` : null}
  </form>`;
}
