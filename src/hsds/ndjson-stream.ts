import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';

/**
 * Streams batches of items as NDJSON (one JSON object per line), honouring backpressure: the
 * next batch is read from the database only when the client has taken the last one. The first
 * batch is read before the headers go out, so a failure there is still an ordinary error
 * response; a client that hangs up just ends the stream.
 */
export async function sendNdjson(res: Response, batches: AsyncIterable<unknown[]>): Promise<void> {
  const iterator = batches[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* lines() {
    for (let next = first; !next.done; next = await iterator.next()) {
      if (next.value.length) yield next.value.map((item) => `${JSON.stringify(item)}\n`).join('');
    }
  }
  res.status(200).type('application/x-ndjson');
  try {
    // One batch buffered at a time: the next is read only once the socket has taken this one.
    await pipeline(Readable.from(lines(), { highWaterMark: 1 }), res);
  } catch (err) {
    if ((err as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw err;
  } finally {
    await iterator.return?.();
  }
}

export async function* mapBatches<T, U>(batches: AsyncIterable<T[]>, map: (item: T) => U): AsyncGenerator<U[]> {
  for await (const batch of batches) yield batch.map(map);
}
