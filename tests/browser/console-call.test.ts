/**
 * A whole call in the staff console, in Chromium, by keyboard only: the caller wants evening
 * IOP that takes Medicaid near 10027; staff compare three, price them with the caller's plan
 * ($1,787 deductible, 20% coinsurance, $10,600 out-of-pocket max) and send a Spanish sheet.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openConsole, seriousViolations, SHOTS, startHarness, type Harness } from './console-harness';

let h: Harness;
beforeAll(async () => { fs.mkdirSync(SHOTS, { recursive: true }); h = await startHarness(); }, 180_000);
afterAll(async () => { await h?.close(); });

const money = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
/** Keyboard focus moved to a control (no pointer events), then keys. */
async function press(page: Page, label: string | RegExp, key = 'Space') {
  const el = page.getByLabel(label, { exact: typeof label === 'string' }).first();
  await el.focus();
  await page.keyboard.press(key);
}
async function painted(page: Page, after: number) {
  await page.waitForFunction((n) => Number(document.body.dataset.painted ?? 0) > n, after);
  return page.evaluate(() => Number(document.body.dataset.painted));
}
const seqOf = (page: Page) => page.evaluate(() => Number(document.body.dataset.painted ?? 0));

test('evening IOP, Medicaid, near 10027: compare three, their costs, a Spanish referral sheet, printed', async () => {
  const page = await openConsole(h, { key: h.staffKey });
  await page.context().addInitScript(() => { (window as any).printed = 0; window.print = () => { (window as any).printed++; }; });
  await page.getByText('Signed in: hotline desk 1 (staff)').waitFor();

  await page.keyboard.press('/');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('near');
  await shot(page, 'start-1080p');
  let seq = await seqOf(page);
  await page.keyboard.type('10027');
  seq = await painted(page, seq);
  for (const choice of [/^Intensive outpatient/, /^Evening/, /^Medicaid/]) {
    await press(page, choice);
    seq = await painted(page, seq);
  }
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toEqual({ near: '10027', level: 'iop', schedule: 'evening', payer: 'medicaid' });
  const status = await page.getByRole('status').filter({ hasText: 'found' }).textContent();
  const total = Number(/(\d+) programs? found/.exec(status!)![1]);
  expect(total).toBeGreaterThanOrEqual(3);

  // What the API says for the same criteria: the page shows the same programs in the same order.
  const api = await h.t.request.get('/v1/centers').query({ near: '10027', level: 'iop', schedule: 'evening', payer: 'medicaid', per_page: 10 });
  expect(api.body.meta.total).toBe(total);
  const names = await page.locator('.result-list > li h3').allTextContents();
  expect(names).toEqual(api.body.data.map((c: { name: string }) => c.name));
  // Each card reads its IOP evening sessions and its distance.
  const first = page.locator('.result-list > li').first();
  await expect(first.textContent()).resolves.toMatch(/IOP (Mon|Tue|Wed|Thu|Fri|Sat|Sun)[^\n]* (\d+(:\d+)?–\d+(:\d+)? pm|\d.* pm)/);
  await expect(first.textContent()).resolves.toMatch(/\d+\.\d mi/);
  await shot(page, 'results-1080p');

  for (const key of ['j', 'a', 'j', 'a', 'j', 'a']) await page.keyboard.press(key);
  const tray = await page.locator('.tray-list li > span').allTextContents();
  expect(tray).toEqual(names.slice(0, 3));

  await page.keyboard.press('c');
  const table = page.locator('#compare table.compare');
  await table.waitFor();
  expect(await table.locator('thead th').allTextContents()).toEqual(['Field', ...names.slice(0, 3)]);
  expect(await table.locator('tr.diff').count()).toBeGreaterThan(0);
  expect(await table.locator('tr.diff .badge').first().textContent()).toBe('differs');

  await press(page, 'Deductible ($)', 'End'); await page.keyboard.type('1787');
  await press(page, 'Coinsurance (%)', 'End'); await page.keyboard.type('20');
  await press(page, 'Out-of-pocket max ($)', 'End'); await page.keyboard.type('10600');
  await page.keyboard.press('Enter');
  const costs = page.locator('#compare table.costs tbody tr');
  await costs.first().waitFor();
  expect(await costs.count()).toBe(3);
  for (let i = 0; i < 3; i++) {
    const id = api.body.data[i].id;
    const want = await h.t.request.get('/v1/cost-comparison').query({ center: id, payer: 'private', deductible: 1787, coinsurance: 0.2, oop_max: 10600 });
    const row = await costs.nth(i).textContent();
    expect(row).toContain(api.body.data[i].name);
    if (want.body.options.iop.estimated) expect(row).toContain(money(want.body.options.iop.patient_pays));
    if (want.body.options.inpatient.estimated) expect(row).toContain(money(want.body.options.inpatient.patient_pays));
  }
  await expect(page.locator('#compare .disclaimer').textContent()).resolves.toMatch(/estimate/i);
  // The caller's coverage went nowhere but the cost requests: not in the URL, not in storage.
  expect(page.url()).not.toMatch(/1787|10600|deductible/);
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toMatch(/1787|10600/);
  await shot(page, 'compare-1080p');
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.locator('#compare').waitFor({ state: 'detached' });

  await page.keyboard.press('r');
  await page.locator('#referral').waitFor();
  await page.getByLabel('Language of the sheet').focus();
  await page.getByLabel('Language of the sheet').selectOption('es');
  await page.getByRole('button', { name: 'Make the sheet' }).focus();
  await page.keyboard.press('Enter');
  const link = await page.getByLabel('Link', { exact: true }).inputValue();
  expect(link).toMatch(new RegExp(`^${h.base}/r/[A-Za-z0-9_-]{32}$`));
  const message = await page.getByLabel('Text message').inputValue();
  expect(message.length).toBeLessThanOrEqual(320);
  expect(message).toContain(link);
  expect(message).not.toMatch(/substance|drug|alcohol|addict|rehab|treatment|recovery|sustancia|droga|adicci|tratamiento|rehabilit|recupera/i);
  const mailto = await page.getByRole('link', { name: 'E-mail it' }).getAttribute('href');
  expect(decodeURIComponent(mailto!)).toContain(link);
  await page.getByRole('button', { name: 'Copy link' }).focus();
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await shot(page, 'referral-1080p');
  expect(await seriousViolations(page)).toEqual([]);

  const [sheet] = await Promise.all([page.context().waitForEvent('page'), (async () => {
    await page.getByRole('link', { name: 'Print' }).focus();
    await page.keyboard.press('Enter');
  })()]);
  await sheet.waitForLoadState('load');
  await sheet.waitForFunction(() => (window as any).printed >= 1);
  expect(await sheet.evaluate(() => document.documentElement.lang)).toBe('es');
  expect(await sheet.locator('h1').textContent()).toBe('Programas para usted');
  expect(await sheet.locator('li.program h2').allTextContents()).toEqual(names.slice(0, 3));
  await expect(sheet.locator('li.program').first().textContent()).resolves.toMatch(/Qué preguntar[\s\S]*Programa intensivo ambulatorio/);
  await expect(sheet.locator('li.program').first().textContent()).resolves.toMatch(/(lun|mar|mié|jue|vie)[^ ]* \d\d:\d\d–\d\d:\d\d/);
  const pdf = await sheet.pdf({ path: path.join(SHOTS, 'sheet-es.pdf'), format: 'Letter' });
  expect(pdf.length).toBeGreaterThan(10_000);
  await sheet.setViewportSize({ width: 360, height: 800 });
  await sheet.screenshot({ path: path.join(SHOTS, 'sheet-es-360.png'), fullPage: true });
  expect(await seriousViolations(sheet)).toEqual([]);
  expect((page as Page & { errors?: string[] }).errors).toEqual([]);
}, 120_000);
