import { startTestServices } from './test-services';

export default async function globalSetup() {
  const started = await startTestServices();
  (globalThis as { __testServices?: typeof started }).__testServices = started;
}
