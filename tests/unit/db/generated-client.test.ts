import fs from 'node:fs';
import path from 'node:path';

/**
 * The Prisma client in src/generated is committed (a production install has no Prisma CLI to
 * generate it). It embeds the schema it was generated from: they must be the same, or someone
 * changed prisma/schema.prisma without running `npm run generate`.
 */
it('the committed Prisma client was generated from prisma/schema.prisma', () => {
  const root = path.join(__dirname, '../../..');
  const generated = fs.readFileSync(path.join(root, 'src/generated/prisma/internal/class.ts'), 'utf8');
  const match = /"inlineSchema": ("(?:[^"\\]|\\.)*")/.exec(generated);
  expect(match).not.toBeNull();
  const embedded = JSON.parse(match![1]) as string;
  const schema = fs.readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8');
  // Prisma re-aligns the columns of the schema it embeds.
  const squeeze = (text: string) => text.replace(/[ \t]+/g, ' ').trim();
  expect(squeeze(embedded) === squeeze(schema) ? 'in step' : 'run `npm run generate` and commit src/generated').toBe('in step');
});
