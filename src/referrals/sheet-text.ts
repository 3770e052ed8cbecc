import type { SheetLanguage } from './referral-schemas';

/** Every word of the printed sheet, per language. It names programs, never a condition. */
export const SHEET_TEXT: Record<SheetLanguage, {
  title: string; intro: string; phone: string; intake: string; intakeHours: string; address: string; map: string;
  hours: string; askFor: string; website: string; expires: (date: string) => string; print: string;
  closed: string; tempClosed: string; none: string; goneTitle: string; gone: string; missing: string;
  ask: { level: (name: string) => string; insurance: string; start: string; walkIn: string; referral: string };
}> = {
  en: {
    title: 'Programs for you', intro: 'Call any of these programs. Tell them you were referred by the helpline.',
    phone: 'Phone', intake: 'Intake line', intakeHours: 'Intake hours', address: 'Address', map: 'Map', hours: 'Hours',
    askFor: 'What to ask for', website: 'Website', expires: (d) => `This page works until ${d}.`, print: 'Print this page',
    closed: 'This program has closed.', tempClosed: 'This program is closed for now.', none: 'No programs are listed on this sheet any more.',
    goneTitle: 'This link has expired', gone: 'This list is no longer available. Call the helpline again for a new one.',
    missing: 'There is no list at this address. Check the link, or call the helpline again.',
    ask: {
      level: (n) => `Ask for the ${n} program.`, insurance: 'Ask whether they take your insurance and what you would pay.',
      start: 'Ask when you could start (the next intake or assessment).', walkIn: 'Walk-in assessments are offered.',
      referral: 'A referral is required: ask what they need.',
    },
  },
  es: {
    title: 'Programas para usted', intro: 'Llame a cualquiera de estos programas. Diga que le refirió la línea de ayuda.',
    phone: 'Teléfono', intake: 'Línea de admisión', intakeHours: 'Horario de admisión', address: 'Dirección', map: 'Mapa', hours: 'Horario',
    askFor: 'Qué preguntar', website: 'Sitio web', expires: (d) => `Esta página funciona hasta el ${d}.`, print: 'Imprimir esta página',
    closed: 'Este programa ha cerrado.', tempClosed: 'Este programa está cerrado por ahora.', none: 'Esta hoja ya no tiene programas.',
    goneTitle: 'Este enlace ha vencido', gone: 'Esta lista ya no está disponible. Llame de nuevo a la línea de ayuda para recibir otra.',
    missing: 'No hay ninguna lista en esta dirección. Revise el enlace o llame de nuevo a la línea de ayuda.',
    ask: {
      level: (n) => `Pida el programa: ${n}.`, insurance: 'Pregunte si aceptan su seguro y cuánto pagaría.',
      start: 'Pregunte cuándo podría empezar (la próxima admisión o evaluación).', walkIn: 'Ofrecen evaluaciones sin cita.',
      referral: 'Se necesita una referencia: pregunte qué necesitan.',
    },
  },
};
