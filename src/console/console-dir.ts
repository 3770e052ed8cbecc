import fs from 'node:fs';
import path from 'node:path';

/** The folder holding package.json, found upwards: the same from src/ (tsx) and from a compiled dist/. */
export function findRepoRoot(from = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

export const consoleDir = () => path.join(findRepoRoot(), 'dist', 'console');
