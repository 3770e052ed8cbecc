import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { loadSeed } from '../../seed/load-seed';
import { admin, ADMIN_KEY, startTestApp, type TestApp } from '../support/test-app';

export { ADMIN_KEY };

/** Debian's Chromium (apt-get install chromium), headless, with nothing phoning home. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface Harness { t: TestApp; base: string; browser: Browser; staffKey: string; close(): Promise<void> }

/** The real app on the seed listings, listening on an ephemeral port, and a browser. */
export async function startHarness(): Promise<Harness> {
  const t = await startTestApp();
  await loadSeed(t.deps.db);
  await t.indexed(60_000);
  const server: Server = await new Promise((resolve) => { const s = t.app.listen(0, '127.0.0.1', () => resolve(s)); });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const key = await t.request.post('/v1/api-keys').set(admin).send({ name: 'hotline desk 1', role: 'staff' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    t, base, browser, staffKey: key.body.key,
    async close() {
      await browser.close();
      await new Promise((r) => { server.closeAllConnections(); server.close(r); });
      await t.close();
    },
  };
}

export async function openConsole(h: Harness, opts: { width?: number; height?: number; path?: string; key?: string } = {}): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: opts.width ?? 1920, height: opts.height ?? 1080 }, baseURL: h.base });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.base });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  (page as Page & { errors?: string[] }).errors = errors;
  if (opts.key) await page.addInitScript((k) => sessionStorage.setItem('directory.staffKey', k), opts.key);
  await page.goto(opts.path ?? '/console');
  await page.getByRole('status').filter({ hasText: /programs? found|programas? encontrados?/ }).first().waitFor();
  return page;
}

/** axe-core: the serious and critical violations on what is shown now. */
export async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

export const SHOTS = process.env.CONSOLE_SHOTS_DIR ?? '/tmp/console-shots';
