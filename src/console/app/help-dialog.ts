import { html } from './html';
import { Modal } from './modal';
import type { Strings } from './i18n';

export function HelpDialog({ t, onClose }: { t: Strings; onClose: () => void }) {
  return html`<${Modal} id="help" title=${t.help} onClose=${onClose} closeLabel=${t.close}>
    <table class="keys"><tbody>
      ${t.helpKeys.map(([k, what]) => html`<tr><th scope="row"><kbd>${k}</kbd></th><td>${what}</td></tr>`)}
    </tbody></table>
  <//>`;
}
