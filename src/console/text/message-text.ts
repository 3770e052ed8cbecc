import type { Lang } from './schedule-text';

/**
 * The text message a caller receives. It never names substance use or treatment (a phone's
 * lock screen shows it to whoever holds the phone), never holds center names (they can), and
 * stays within two SMS segments (320 characters) with the link.
 */
export const MESSAGE_LIMIT = 320;

const TEXT: Record<Lang, (url: string, days: number) => string> = {
  en: (url, days) => `Here is the list of programs we talked about, with phone numbers and addresses: ${url} (the link works for ${days} days). Call us back any time.`,
  es: (url, days) => `Aquí tiene la lista de programas de la que hablamos, con teléfonos y direcciones: ${url} (el enlace funciona ${days} días). Llámenos cuando quiera.`,
};

const SUBJECT: Record<Lang, string> = { en: 'The programs we talked about', es: 'Los programas de los que hablamos' };

export function messageBody(url: string, lang: Lang, days: number): string {
  const full = TEXT[lang](url, days);
  // A very long public URL would push the message past two segments: keep only the link then.
  return full.length <= MESSAGE_LIMIT ? full : url;
}

export function mailtoHref(url: string, lang: Lang, days: number): string {
  return `mailto:?subject=${encodeURIComponent(SUBJECT[lang])}&body=${encodeURIComponent(messageBody(url, lang, days))}`;
}
