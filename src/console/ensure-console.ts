import fs from 'node:fs';
import path from 'node:path';
import { consoleDir, consoleSourceDir } from './console-dir';

/**
 * `npm start` on a fresh clone: build the console once when dist/console is missing and its
 * sources are at hand (a compiled deployment ships the built folder instead).
 */
export async function ensureConsoleBuilt(say: (line: string) => void): Promise<void> {
  if (fs.existsSync(path.join(consoleDir(), 'index.html'))) return;
  if (!fs.existsSync(path.join(consoleSourceDir(), 'main.ts'))) { say('console: dist/console is missing; run `npm run build`'); return; }
  const { buildConsole } = await import('./build-console');
  const { files } = await buildConsole();
  say(`console: built dist/console (${Object.values(files).reduce((a, b) => a + b, 0)} bytes compressed)`);
}
