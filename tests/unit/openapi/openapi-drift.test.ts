import fs from 'node:fs';
import path from 'node:path';
import { openApiYaml } from '../../../src/http/openapi-document';

describe('openapi.yaml', () => {
  it('matches what the zod schemas generate (run `npm run openapi` after changing an endpoint)', () => {
    const committed = fs.readFileSync(path.join(__dirname, '../../../openapi.yaml'), 'utf8');
    expect(committed).toBe(openApiYaml());
  });
});
