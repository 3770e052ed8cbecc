import { AppError } from '../errors';

/**
 * At most `size` all_or_nothing imports hold a transaction at once (per database client), so
 * that a burst of whole-file imports leaves pooled connections to everything else. The rest
 * wait their turn, up to `maxWaitMs`, then get 503 with Retry-After.
 */
export class ImportSlots {
  private used = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number, private readonly maxWaitMs: number) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    await this.acquire();
    try { return await job(); } finally { this.release(); }
  }

  private acquire(): Promise<void> {
    if (this.used < this.size) { this.used++; return Promise.resolve(); }
    return new Promise((resolve, reject) => {
      const turn = () => { clearTimeout(timer); this.used++; resolve(); };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(turn), 1);
        reject(new AppError('busy', 'Too many all_or_nothing imports are running; retry shortly, or import with mode=valid_rows. Nothing was written.', { headers: { 'Retry-After': '10' } }));
      }, this.maxWaitMs);
      this.waiting.push(turn);
    });
  }

  private release() {
    this.used--;
    this.waiting.shift()?.();
  }
}

const byDb = new WeakMap<object, ImportSlots>();
export const importSlotsOf = (db: object) => {
  if (!byDb.has(db)) byDb.set(db, new ImportSlots(2, 60_000));
  return byDb.get(db)!;
};
