import type { startTestServices } from './test-services';

export default async function globalTeardown() {
  const started = (globalThis as { __testServices?: Awaited<ReturnType<typeof startTestServices>> }).__testServices;
  await started?.stop();
}
