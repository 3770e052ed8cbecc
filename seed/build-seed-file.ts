/**
 * Writes seed/centers.json, the committed seed listings: hand-written Harlem centers used by
 * the docs, then generated centers over every metro, topped up to the variety minimums.
 * Run: npx tsx seed/build-seed-file.ts. Deterministic: rerunning gives the same file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CenterInputSchema, type CenterInputRaw } from '../src/centers/center-schema';
import { ensureVariety } from './ensure-variety';
import { DEFAULT_TODAY, generateCenters } from './generate-centers';
import { HARLEM_CENTERS } from './harlem-centers';
import { factShortfalls, measureVariety, varietyShortfalls } from './seed-variety';
import { lookupZip } from './zip-lookup';

export const SEED_FILE = join(__dirname, 'centers.json');
const SEED = 2026;
const TOTAL = 180;

export function buildSeedCenters(): CenterInputRaw[] {
  const generated = generateCenters({ count: TOTAL - HARLEM_CENTERS.length, seed: SEED, idPrefix: 'seed', today: DEFAULT_TODAY });
  const centers = [...structuredClone(HARLEM_CENTERS), ...generated];
  const harlem = new Set(HARLEM_CENTERS.map((c) => c.source_id));
  return ensureVariety(centers, { seed: SEED + 1, today: DEFAULT_TODAY, frozen: (c) => harlem.has(c.source_id) });
}

/** Every problem that would keep the listings out of the seed file; empty when there is none. */
export function seedProblems(centers: readonly CenterInputRaw[]): string[] {
  const problems: string[] = [];
  centers.forEach((c, i) => {
    const parsed = CenterInputSchema.safeParse(c);
    if (!parsed.success) problems.push(`#${i} ${c.name}: ${parsed.error.issues.map((e) => `${e.path.join('.')} ${e.message}`).join('; ')}`);
    const place = lookupZip(c.address.postal_code);
    if (place?.state !== c.address.state) problems.push(`#${i} ${c.name}: ZIP ${c.address.postal_code} is not in ${c.address.state}`);
  });
  const duplicates = (values: unknown[]) => values.filter((v, i) => values.indexOf(v) !== i);
  for (const id of duplicates(centers.map((c) => c.source_id))) problems.push(`source_id ${id} is used twice`);
  for (const name of duplicates(centers.map((c) => c.name))) problems.push(`name ${name} is used twice`);
  return problems.concat(varietyShortfalls(measureVariety(centers, DEFAULT_TODAY)), factShortfalls(centers));
}

if (require.main === module) {
  const centers = buildSeedCenters();
  const problems = seedProblems(centers);
  if (problems.length) {
    console.error(`seed/centers.json not written:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  writeFileSync(SEED_FILE, `${JSON.stringify(centers, null, 2)}\n`);
  const { levels, ...figures } = measureVariety(centers, DEFAULT_TODAY);
  console.log(`wrote ${SEED_FILE}`);
  console.log(JSON.stringify({ ...figures, levels }, null, 2));
}
