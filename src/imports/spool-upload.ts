import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

/**
 * Reads an upload to the end into a temporary file before anything is written: an
 * all_or_nothing import holds one transaction (a pooled connection) while it reads, and a
 * client sending slowly would hold it for as long as it likes (12 uploads at 2 bytes/s took
 * every connection). The caller reads the spooled copy at disk speed, then disposes of it.
 */
export async function spoolUpload(bytes: AsyncIterable<Buffer>): Promise<{ bytes(): AsyncIterable<Buffer>; dispose(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'directory-import-'));
  const file = path.join(dir, 'upload');
  const dispose = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    await pipeline(Readable.from(bytes), fs.createWriteStream(file, { mode: 0o600 }));
  } catch (err) {
    dispose();
    throw err;
  }
  return { bytes: () => fs.createReadStream(file), dispose };
}
