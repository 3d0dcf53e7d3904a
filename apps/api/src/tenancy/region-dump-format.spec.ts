import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { DumpReader, DumpWriter, parseFrame, trailerSchema } from './region-dump-format.js';

async function written(frames: (writer: DumpWriter) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (chunk: Buffer) => parts.push(chunk));
  const writer = new DumpWriter(out);
  await writer.start();
  await frames(writer);
  out.end();
  return Buffer.concat(parts);
}

/** Reads a byte string back in small pieces (frames cross chunk boundaries). */
function reader(bytes: Buffer, piece = 7): DumpReader {
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += piece) pieces.push(bytes.subarray(at, at + piece));
  return new DumpReader(Readable.from(pieces)[Symbol.asyncIterator]() as AsyncIterator<Buffer>);
}

describe('region dump frames', () => {
  it('round-trip: frames come back as written, and the trailer holds the hash of everything before it', async () => {
    const bytes = await written(async (w) => {
      await w.json('H', { a: 1 });
      await w.data(Buffer.from('row\t1\n'));
      await w.finish(1, (sha) => `seal of ${sha}`);
    });
    const r = reader(bytes);
    expect((await r.expect('H')).payload.toString()).toBe('{"a":1}');
    expect((await r.expect('D')).payload.toString()).toBe('row\t1\n');
    const trailer = parseFrame(await r.expect('Z'), trailerSchema);
    expect(trailer).toEqual({ sha256: r.hashBefore, seal: `seal of ${r.hashBefore}`, sections: 1 });
    expect(await r.next()).toBeNull();
  });

  it('refuses another file, a truncated one and a damaged frame', async () => {
    const bytes = await written(async (w) => {
      await w.json('H', { a: 1 });
      await w.finish(0, () => 'seal');
    });
    await expect(reader(Buffer.from('PK\x03\x04 not a dump')).next()).rejects.toThrow('it does not start like a region dump');
    const truncated = reader(bytes.subarray(0, bytes.length - 3));
    await truncated.expect('H');
    await expect(truncated.next()).rejects.toThrow('truncated');
    const damaged = Buffer.from(bytes);
    damaged[8] = 'X'.charCodeAt(0); // the first frame's type
    await expect(reader(damaged).next()).rejects.toThrow('damaged frame');
  });

  it('splits a chunk larger than a frame may be (one huge row), so that the reader accepts it', async () => {
    const huge = Buffer.alloc(64 * 1024 * 1024 + 10, 'x');
    const bytes = await written((w) => w.data(huge));
    const r = reader(bytes, 1024 * 1024);
    const first = await r.expect('D');
    const second = await r.expect('D');
    expect([first.payload.length, second.payload.length]).toEqual([64 * 1024 * 1024, 10]);
  });
});
