import v8 from 'node:v8';

/**
 * V8 settings for a small, steady footprint, imported first by server.ts (before Prisma loads
 * its query compiler). Measured on the 25,000-row import (README, Performance):
 * - `--liftoff-only`: Prisma's 3.4 MB query-compiler WebAssembly is not recompiled by TurboFan,
 *   whose compile threads left ~80 MB of allocator arenas behind; the ORM is off the hot reads.
 * - `--max-semi-space-size=2` (MB): asks for a small young generation; set after start it
 *   only partly applies (idle RSS 155 MB here against 128 MB as a command-line flag).
 * Bulk work (imports, indexing) also runs with a slower-growing heap (steady-heap.ts). No cap is
 * set on the heap. NODE_OPTIONS still applies on top (e.g. --max-old-space-size).
 */
for (const flag of ['--liftoff-only', '--max-semi-space-size=2']) v8.setFlagsFromString(flag);
