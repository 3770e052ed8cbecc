/**
 * What the API process is started with, by `npm start` (package.json spells the same out; a unit
 * test holds the two equal), `npm run bench` and `npm run cluster`. Both must be given before
 * the process starts: V8 sizes its young generation and glibc its allocator at start.
 *
 * - `--max-semi-space-size=32` (MB): V8's young generation. At 64 concurrent searches the
 *   objects of the requests in flight outlive a small one: 16 MB cost a fifth more API CPU per
 *   search than 32 MB (interleaved A/B on Node 24, 1,024 against 821 µs); left to itself Node 24
 *   grows it to 64 MB, which held 128 MB of RSS after a 25,000-row import (387 MB in all) for no
 *   speed over 32. Node 20 grows it to 16 MB.
 * - `MALLOC_ARENA_MAX=2`, `MALLOC_MMAP_THRESHOLD_=131072`: glibc keeps fewer per-thread arenas
 *   and returns large blocks to the system when freed, instead of raising its thresholds and
 *   keeping them: RSS after that import on Node 24 332 → 289 MB, no change in API CPU per search.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=32'];
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' };

/** package.json's "start" script as these settings spell it. */
export const START_SCRIPT = `${Object.entries(SERVER_ENV).map(([k, v]) => `${k}=${v}`).join(' ')} node ${SERVER_NODE_OPTIONS.join(' ')} dist/src/server.js`;
