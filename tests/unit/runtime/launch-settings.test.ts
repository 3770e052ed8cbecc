import fs from 'node:fs';
import path from 'node:path';
import { SERVER_ENV, SERVER_NODE_OPTIONS, START_SCRIPT } from '../../../src/runtime/launch-settings';

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as { scripts: Record<string, string> };

it('npm start gives the API process the same options as the bench and npm run cluster', () => {
  expect(pkg.scripts.start).toBe(START_SCRIPT);
  for (const option of SERVER_NODE_OPTIONS) expect(pkg.scripts.start).toContain(` ${option} `);
  for (const [k, v] of Object.entries(SERVER_ENV)) expect(pkg.scripts.start).toContain(`${k}=${v} `);
});
