import v8 from 'node:v8';

/**
 * A V8 setting for a small footprint, imported first by server.ts (before Prisma loads its query
 * compiler): `--liftoff-only`, so Prisma's 3.4 MB query-compiler WebAssembly is not recompiled by
 * TurboFan, whose compile threads left ~80 MB of allocator arenas behind (the ORM is off the hot
 * reads). The young generation is sized on the command line (launch-settings.ts): set here, after
 * start, it does not apply on Node 24. Bulk work (imports, indexing) runs with a slower-growing
 * heap (steady-heap.ts). No cap is set on the heap; NODE_OPTIONS still applies on top.
 */
v8.setFlagsFromString('--liftoff-only');
