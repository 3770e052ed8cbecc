import fs from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

/**
 * The CREATE script Prisma would write for a schema, from Prisma's own schema engine compiled
 * to WebAssembly (the native engine cannot be downloaded on these machines). Used to write a
 * first migration and by the drift test. The package is a bundler-style wasm module, so it is
 * instantiated by hand.
 */
export async function createScriptForSchema(schemaPath: string, databaseUrl: string): Promise<string> {
  const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const bg = await import(path.join(dir, 'schema_engine_bg.js'));
  const bytes = fs.readFileSync(path.join(dir, 'schema_engine_bg.wasm'));
  // WebAssembly is a Node global, but the ES lib this project compiles against does not declare it.
  const { WebAssembly: wasm } = globalThis as unknown as { WebAssembly: { instantiate(b: Buffer, i: object): Promise<{ instance: { exports: Record<string, unknown> } }> } };
  const { instance } = await wasm.instantiate(bytes, { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as (() => void) | undefined)?.();

  const content = fs.readFileSync(schemaPath, 'utf8');
  const files = [{ path: path.basename(schemaPath), content }];
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  const engine = await bg.SchemaEngine.new({ datamodels: [[files[0].path, content]] }, () => {}, adapter);
  try {
    const result = await engine.diff({
      from: { tag: 'empty' }, to: { tag: 'schemaDatamodel', files },
      script: true, exitCode: null, filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? '';
  } finally {
    engine.free();
  }
}
