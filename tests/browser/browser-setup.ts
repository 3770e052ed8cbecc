import { stop as stopEsbuild } from 'esbuild';
import { buildConsole } from '../../src/console/build-console';
import globalSetup from '../support/global-setup';

/** The browser tests need the services (shared with the integration project when both run) and a built console. */
export default async function browserSetup() {
  await globalSetup();
  const started = performance.now();
  const { files } = await buildConsole();
  await stopEsbuild(); // its service process would otherwise keep jest from exiting
  console.log(`[console] built in ${Math.round(performance.now() - started)} ms: ${JSON.stringify(files)} (brotli bytes)`);
}
