/** `npm run openapi`: writes openapi.yaml (CI fails when the committed file differs). */
import fs from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../project-root';
import { openApiYaml } from './openapi-document';

const file = fromRoot('openapi.yaml');
fs.writeFileSync(file, openApiYaml());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
