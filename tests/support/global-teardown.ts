import type { startTestServices } from './test-services';

export default async function globalTeardown() {
  const g = globalThis as { __testServices?: Awaited<ReturnType<typeof startTestServices>> };
  const started = g.__testServices;
  // Cleared so a second project's teardown (integration and browser share the services) is a no-op.
  g.__testServices = undefined;
  await started?.stop();
}
