import v8 from 'node:v8';

/**
 * V8 settings for a small, steady footprint, imported first by server.ts (before Prisma loads
 * its query compiler). Measured on the 25,000-row import (README, Performance):
 * - `--liftoff-only`: Prisma's 3.4 MB query-compiler WebAssembly is not recompiled by TurboFan,
 *   whose compile threads left ~80 MB of allocator arenas behind; the ORM is off the hot reads.
 * - `--max-semi-space-size=2` (MB): asks for a small young generation; set after start it
 *   only partly applies (idle RSS 155 MB here against 128 MB as a command-line flag).
 * - `--heap-growing-percent=30`: the old generation grows by 30 % at a time, not several times
 *   over, so a large import collects sooner instead of holding the peak (25,000 rows: 600 →
 *   300 MB peak, 20.5 → 22 s). No cap is set on the heap.
 * NODE_OPTIONS still applies on top (e.g. --max-old-space-size).
 */
for (const flag of ['--liftoff-only', '--max-semi-space-size=2', '--heap-growing-percent=30']) v8.setFlagsFromString(flag);
