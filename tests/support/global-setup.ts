import { startTestServices } from './test-services';

/**
 * Shared by the integration and browser projects: jest runs each project's global setup, in an
 * order of its own, so the second call must reuse the servers of the first (two sets would leave
 * one running after the teardown, and keep jest from exiting).
 */
export default async function globalSetup() {
  const g = globalThis as { __testServices?: Awaited<ReturnType<typeof startTestServices>> };
  if (g.__testServices) return;
  g.__testServices = await startTestServices();
}
