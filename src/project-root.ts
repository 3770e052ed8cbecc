import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder holding package.json. Code runs both from src/ (tsx, jest) and compiled from
 * dist/src/, so files outside the code (migrations, the seed file, the console build) are found
 * from here rather than by counting `..` from __dirname.
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'prisma'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no project root (package.json beside prisma/) above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(__dirname);
export const fromRoot = (...parts: string[]) => path.join(PROJECT_ROOT, ...parts);
