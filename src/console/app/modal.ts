import { useEffect, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { html } from './html';

/**
 * A native modal <dialog>: the browser keeps focus inside and Esc closes it; focus goes back
 * to where it was when the dialog closes.
 */
export function Modal({ title, id, onClose, closeLabel, children, wide }: { title: string; id: string; onClose: () => void; closeLabel: string; children: ComponentChildren; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const d = ref.current!;
    if (!d.open) d.showModal();
    const first = d.querySelector<HTMLElement>('[autofocus], input, select, textarea, button:not(.close)');
    (first ?? d).focus();
    return () => { if (opener?.isConnected) opener.focus(); };
  }, []);
  return html`<dialog ref=${ref} id=${id} class=${wide ? 'wide' : ''} aria-labelledby=${`${id}-title`}
      onCancel=${(e: Event) => { e.preventDefault(); onClose(); }}>
    <div class="dialog-head"><h2 id=${`${id}-title`}>${title}</h2>
      <button type="button" class="close secondary" onClick=${onClose}>${closeLabel}</button></div>
    ${children}
  </dialog>`;
}
