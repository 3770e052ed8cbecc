import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';

/** Lines are written in pieces of about this size, so the socket's backpressure acts often. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Streams batches of items as NDJSON (one JSON object per line), honouring backpressure: the
 * next piece is made only when the client has taken the last one, and the next batch is read
 * from the database only when this one is sent. Each item is mapped (`toItem`) and serialized
 * just before it is written, so what the process holds at a time is one batch of source rows
 * and one piece of text, never a batch of mapped objects or of text (a fully nested service is
 * ~10 KB of JSON, 30-50 KB as objects). The first batch is read before the headers go out, so
 * a failure there is still an ordinary error response; a client that hangs up just ends it.
 */
export async function sendNdjson<T>(res: Response, batches: AsyncIterable<T[]>, toItem: (item: T) => unknown = (item) => item): Promise<void> {
  const iterator = batches[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* pieces() {
    for (let next = first; !next.done; next = await iterator.next()) {
      let piece = '';
      for (const item of next.value) {
        piece += `${JSON.stringify(toItem(item))}\n`;
        if (piece.length >= CHUNK_CHARS) { yield piece; piece = ''; }
      }
      if (piece) yield piece;
    }
  }
  res.status(200).type('application/x-ndjson');
  try {
    // One piece buffered at a time: the next is made only once the socket has taken this one.
    await pipeline(Readable.from(pieces(), { highWaterMark: 1 }), res);
  } catch (err) {
    if ((err as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw err;
  } finally {
    await iterator.return?.();
  }
}
