import { AppError } from '../../../src/errors';
import { ImportSlots } from '../../../src/imports/import-slots';

const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('runs at most `size` jobs at once, in turn, and answers busy (503, Retry-After) after the wait', async () => {
  const slots = new ImportSlots(2, 150);
  let running = 0;
  let peak = 0;
  const job = async () => { running++; peak = Math.max(peak, running); await later(50); running--; return 'done'; };
  expect(await Promise.all([1, 2, 3, 4].map(() => slots.run(job)))).toEqual(['done', 'done', 'done', 'done']);
  expect(peak).toBe(2);

  const long = [slots.run(() => later(400)), slots.run(() => later(400))];
  const refused = await slots.run(job).catch((err: unknown) => err);
  expect(refused).toBeInstanceOf(AppError);
  expect(refused).toMatchObject({ code: 'busy', status: 503, extra: { headers: { 'Retry-After': '10' } } });
  await Promise.all(long);
  expect(await slots.run(job)).toBe('done'); // the refused waiter left no slot taken
});
