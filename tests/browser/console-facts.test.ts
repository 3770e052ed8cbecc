/** The callers' facts in the console: conditions, openings with their age, intake now, walk-in. */
import fs from 'node:fs';
import path from 'node:path';
import { openConsole, seriousViolations, SHOTS, startHarness, type Harness } from './console-harness';

let h: Harness;
beforeAll(async () => { fs.mkdirSync(SHOTS, { recursive: true }); h = await startHarness(); }, 180_000);
afterAll(async () => { await h?.close(); });

interface Hit { name: string; availability: { status: string; stale: boolean }[]; intake_open_now?: boolean; intake?: { phone?: string } | null }

test('opioid programs with a fresh opening near 10027: the same programs as the API, each card with its openings, their age and intake', async () => {
  const criteria = { near: '10027', radius: '50', condition: 'opioids', has_openings: 'true' };
  const page = await openConsole(h, { path: `/console?${new URLSearchParams(criteria)}` });
  const api = await h.t.request.get('/v1/centers').query(criteria);
  expect(api.status).toBe(200);
  expect(api.body.meta.total).toBeGreaterThan(0);
  const hits = api.body.data as Hit[];

  expect(await page.locator('.result-list > li h3').allTextContents()).toEqual(hits.map((c) => c.name));
  expect(await page.locator('.live').textContent()).toBe(`${api.body.meta.total} program${api.body.meta.total === 1 ? '' : 's'} found`);
  // The criteria are shown as chosen: the condition and "has openings" boxes are ticked.
  expect(await page.locator('#f-condition-opioids').isChecked()).toBe(true);

  const card = page.locator('.result-list > li').first();
  const text = (await card.textContent()) ?? '';
  expect(hits[0].availability.some((a) => a.status === 'open' && !a.stale)).toBe(true);
  expect(text).toMatch(/Openings/);
  expect(text).toMatch(/: open/);
  expect(text).toMatch(/just now|\d+ h ago|\d+ days ago/);
  if (hits[0].intake_open_now !== undefined) expect(text).toMatch(hits[0].intake_open_now ? /intake open now/ : /intake closed now/);
  if (hits[0].intake?.phone) expect(text).toContain(hits[0].intake.phone);

  await page.screenshot({ path: path.join(SHOTS, 'facts-1080p.png') });
  expect(await seriousViolations(page)).toEqual([]);
  await page.context().close();
});
