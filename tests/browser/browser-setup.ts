import { buildConsole } from '../../src/console/build-console';
import globalSetup from '../support/global-setup';

/** The browser tests need the services (shared with the integration project when both run) and a built console. */
export default async function browserSetup() {
  if (!(globalThis as { __testServices?: unknown }).__testServices) await globalSetup();
  const started = performance.now();
  const { files } = await buildConsole();
  console.log(`[console] built in ${Math.round(performance.now() - started)} ms: ${JSON.stringify(files)} (brotli bytes)`);
}
