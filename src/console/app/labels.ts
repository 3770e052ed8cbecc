import type { Lang } from '../text/schedule-text';
import { LEVEL_SHORT } from '../text/schedule-text';

export type Taxonomy = Record<string, { code: string; label: string }[]>;

/** Spanish labels for the codes staff read out most; others keep the taxonomy's English label. */
const ES: Record<string, Record<string, string>> = {
  payers: {
    medicaid: 'Medicaid', medicare: 'Medicare', private: 'Seguro privado', self_pay: 'Pago propio', sliding_scale: 'Tarifa según ingresos',
    tricare: 'TRICARE (militar)', ihs: 'IHS / salud indígena', state_funded: 'Fondos estatales', free: 'Gratis',
  },
  schedule: { morning: 'Mañana', afternoon: 'Tarde', evening: 'Noche (desde las 17:00)', weekend: 'Fin de semana' },
  levels_of_care: LEVEL_SHORT.es,
  languages: { en: 'Inglés', es: 'Español', zh: 'Chino', vi: 'Vietnamita', ru: 'Ruso', ar: 'Árabe', ko: 'Coreano', fr: 'Francés', ht: 'Criollo haitiano', pt: 'Portugués', pl: 'Polaco', asl: 'Lengua de señas americana' },
  populations: { adults: 'Adultos', adolescents: 'Adolescentes', young_adults: 'Jóvenes adultos', women: 'Mujeres', men: 'Hombres', veterans: 'Veteranos', lgbtq: 'LGBTQ+', pregnant: 'Embarazadas', seniors: 'Mayores', co_occurring: 'Salud mental y consumo a la vez' },
  medications: { buprenorphine: 'Buprenorfina (p. ej. Suboxone)', methadone: 'Metadona', naltrexone: 'Naltrexona (p. ej. Vivitrol)', acamprosate: 'Acamprosato', disulfiram: 'Disulfiram', naloxone: 'Naloxona' },
};

/** The taxonomy list that labels a criteria key (`level` → levels_of_care). */
export const LIST_OF: Record<string, string> = {
  level: 'levels_of_care', condition: 'conditions', payer: 'payers', insurer: 'insurers', medication: 'medications',
  population: 'populations', language: 'languages', schedule: 'schedule', accessibility: 'accessibility',
};

export function label(tax: Taxonomy | null, list: string, code: string, lang: Lang): string {
  if (lang === 'es' && ES[list]?.[code]) return ES[list][code];
  if (list === 'levels_of_care' && LEVEL_SHORT.en[code] && lang === 'en') {
    return tax?.[list]?.find((t) => t.code === code)?.label ?? LEVEL_SHORT.en[code];
  }
  return tax?.[list]?.find((t) => t.code === code)?.label ?? code;
}

export const labels = (tax: Taxonomy | null, list: string, codes: string[] | undefined, lang: Lang) =>
  (codes ?? []).map((c) => label(tax, list, c, lang)).join(', ');
