import { METROS } from '../seed/metros';
import type { Random } from '../seed/random';

/** A realistic mix of hotline and partner-site searches: text + filters + geo + facets, 20 hits. */
export function queryMix(rnd: Random, count: number): Record<string, string>[] {
  const words = ['recovery', 'suboxone', 'intensive outpatient', 'detox', 'recovry', 'behavioral health', 'MAT', 'rehab', 'counseling', 'dual diagnosis', 'methadone', 'wellness'];
  const out: Record<string, string>[] = [];
  for (let i = 0; i < count; i++) {
    const metro = rnd.pick(METROS);
    const zip = rnd.pick(metro.zips);
    const q: Record<string, string> = { per_page: '20' };
    const kind = rnd.weighted([['geo', 40], ['text', 25], ['filters', 20], ['combined', 15]] as const);
    if (kind === 'geo' || kind === 'combined') { q.near = zip; q.radius = String(rnd.pick([10, 25, 50])); }
    if (kind === 'text' || kind === 'combined') q.q = rnd.pick(words);
    if (kind === 'text') q.state = metro.state;
    if (kind !== 'text' || rnd.chance(0.5)) {
      q.level = rnd.pick(['iop', 'iop,php', 'residential', 'outpatient', 'detox,residential', 'otp']);
      if (rnd.chance(0.5)) q.payer = rnd.pick(['medicaid', 'private', 'medicaid,medicare', 'self_pay']);
      if (rnd.chance(0.25)) q.schedule = rnd.pick(['evening', 'weekend', 'evening,weekend']);
      if (rnd.chance(0.2)) q.language = 'es';
      if (rnd.chance(0.2)) q.medication = 'buprenorphine';
      if (rnd.chance(0.15)) q.modality_all = 'cbt,group';
      if (rnd.chance(0.15)) q.level_not = 'detox';
      if (rnd.chance(0.3)) q.accepting_new_patients = 'true';
    }
    out.push(q);
  }
  return out;
}
