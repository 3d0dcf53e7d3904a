import { createHash, type Hash } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { z } from 'zod';

/**
 * The file of `pnpm region:dump`: one gzip stream of
 *
 *   MAGIC, then frames: type (1 byte) ‖ payload length (uint32, big-endian) ‖ payload
 *
 *   H  header (JSON, DumpHeader): format, region, migrations, key fingerprint, sections with their columns,
 *      sequences
 *   S  a section starts (JSON, { name })
 *   D  a chunk of that section's rows in PostgreSQL's COPY text format (any number of D frames)
 *   E  the section ends (JSON, SectionEnd): its row count and the SHA-256 of its D payloads
 *   Z  trailer (JSON, Trailer): the SHA-256 of every byte before this frame and its seal (region-dump-key.ts);
 *      a file without it is truncated
 *
 * gzip's own CRC catches damage to the compressed bytes; the checksums catch a file that was re-packed; the
 * seal catches a file that was changed and given fresh checksums by someone without the key.
 */
export const DUMP_MAGIC = Buffer.from('LWREGDMP', 'latin1');
export const DUMP_FORMAT = 'leerwinkel-region-dump';
export const DUMP_FORMAT_VERSION = 1;
/** Larger frames than this mean a damaged file (the writer's frames are COPY chunks of about 64 kB). */
const MAX_FRAME_BYTES = 64 * 1024 * 1024;

export type FrameType = 'H' | 'S' | 'D' | 'E' | 'Z';
const FRAME_TYPES: ReadonlySet<string> = new Set<FrameType>(['H', 'S', 'D', 'E', 'Z']);

const dumpColumn = z.object({
  name: z.string(),
  /** format_type() of the column, e.g. `timestamp with time zone`. */
  type: z.string(),
});

const dumpSection = z.object({
  /** A table of the region's schema (`learner`) or a shared table holding the region's rows (`exchange.referral`). */
  name: z.string(),
  kind: z.enum(['region', 'shared']),
  columns: z.array(dumpColumn).min(1),
});

const dumpSequence = z.object({
  /** A sequence of the region's schema (unqualified). */
  name: z.string(),
  lastValue: z.string().regex(/^-?\d+$/),
  isCalled: z.boolean(),
});

export const dumpHeaderSchema = z.object({
  format: z.literal(DUMP_FORMAT),
  formatVersion: z.number().int(),
  createdAt: z.string(),
  region: z.object({ id: z.uuid(), slug: z.string(), displayName: z.string() }),
  /** The region migrations applied to the schema, in order: the restore recreates the schema from these. */
  regionMigrations: z.array(z.object({ timestamp: z.number().int(), name: z.string() })),
  /** The latest platform migration of the source database (shared tables' columns follow it). */
  platformVersion: z.number().int(),
  /** PostgreSQL's server_version of the source. */
  server: z.string(),
  /** Fingerprint of FIELD_ENCRYPTION_KEY (never the key): encrypted fields travel as ciphertext. */
  fieldKeyFingerprint: z.string(),
  sections: z.array(dumpSection),
  sequences: z.array(dumpSequence),
});

export const sectionStartSchema = z.object({ name: z.string() });
export const sectionEndSchema = z.object({ rows: z.number().int().min(0), sha256: z.string() });
export const trailerSchema = z.object({ sha256: z.string(), seal: z.string(), sections: z.number().int().min(0) });

export type DumpColumn = z.infer<typeof dumpColumn>;
export type DumpSection = z.infer<typeof dumpSection>;
export type DumpSequence = z.infer<typeof dumpSequence>;
export type DumpHeader = z.infer<typeof dumpHeaderSchema>;
export type SectionEnd = z.infer<typeof sectionEndSchema>;
export type Trailer = z.infer<typeof trailerSchema>;

export class DumpFormatError extends Error {
  constructor(message: string) {
    super(`Not a usable region dump: ${message}`);
    this.name = 'DumpFormatError';
  }
}

/** Writes frames to a stream (with back-pressure) and keeps the running hash of everything written. */
export class DumpWriter {
  private readonly hash: Hash = createHash('sha256');

  constructor(private readonly out: Writable) {}

  async start(): Promise<void> {
    await this.write(DUMP_MAGIC);
  }

  async json(type: Exclude<FrameType, 'D' | 'Z'>, value: unknown): Promise<void> {
    await this.frame(type, Buffer.from(JSON.stringify(value), 'utf8'));
  }

  /** COPY data; a chunk larger than a frame may be (one huge row) is split, as the reader joins them again. */
  async data(chunk: Buffer): Promise<void> {
    for (let at = 0; at < chunk.length; at += MAX_FRAME_BYTES) await this.frame('D', chunk.subarray(at, at + MAX_FRAME_BYTES));
  }

  /** The trailer: closes the frame sequence with the hash of everything before it and its seal. */
  async finish(sections: number, seal: (sha256: string) => string): Promise<void> {
    const sha256 = this.hash.copy().digest('hex');
    const trailer: Trailer = { sha256, seal: seal(sha256), sections };
    await this.frame('Z', Buffer.from(JSON.stringify(trailer), 'utf8'));
  }

  private async frame(type: FrameType, payload: Buffer): Promise<void> {
    const head = Buffer.alloc(5);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(payload.length, 1);
    await this.write(head);
    await this.write(payload);
  }

  private async write(bytes: Buffer): Promise<void> {
    this.hash.update(bytes);
    if (!this.out.write(bytes)) await once(this.out, 'drain');
  }
}

export interface Frame {
  type: FrameType;
  payload: Buffer;
}

/** Reads the frames of a (decompressed) dump; `hashBefore` is the hash of every byte before the last frame read. */
export class DumpReader {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly hash: Hash = createHash('sha256');
  private hashBeforeLast = '';
  private started = false;

  constructor(private readonly chunks: AsyncIterator<Buffer>) {}

  get hashBefore(): string {
    return this.hashBeforeLast;
  }

  /** The next frame, or null at the end of the stream. */
  async next(): Promise<Frame | null> {
    if (!this.started) {
      if (!(await this.fill(DUMP_MAGIC.length)) || !this.take(DUMP_MAGIC.length).equals(DUMP_MAGIC)) {
        throw new DumpFormatError('it does not start like a region dump');
      }
      this.started = true;
    }
    if (!(await this.fill(1))) return null;
    this.hashBeforeLast = this.hash.copy().digest('hex');
    if (!(await this.fill(5))) throw new DumpFormatError('the file ends inside a frame (truncated)');
    const type = this.buffer.toString('latin1', 0, 1);
    const length = this.buffer.readUInt32BE(1);
    if (!FRAME_TYPES.has(type) || length > MAX_FRAME_BYTES) throw new DumpFormatError('damaged frame');
    this.take(5);
    if (!(await this.fill(length))) throw new DumpFormatError('the file ends inside a frame (truncated)');
    return { type: type as FrameType, payload: this.take(length) };
  }

  /** The next frame, which must be of this type. */
  async expect(type: FrameType): Promise<Frame> {
    const frame = await this.next();
    if (!frame) throw new DumpFormatError(`the file ends where a "${type}" frame was expected (truncated)`);
    if (frame.type !== type) throw new DumpFormatError(`a "${frame.type}" frame where a "${type}" frame was expected`);
    return frame;
  }

  private async fill(bytes: number): Promise<boolean> {
    if (this.buffer.length >= bytes) return true;
    // Collected and joined once: joining on every chunk would copy a large frame over and over.
    const parts = [this.buffer];
    let length = this.buffer.length;
    while (length < bytes) {
      const result = await this.chunks.next();
      if (result.done) break;
      parts.push(result.value);
      length += result.value.length;
    }
    this.buffer = parts.length === 1 ? this.buffer : Buffer.concat(parts, length);
    return length >= bytes;
  }

  private take(bytes: number): Buffer {
    const taken = this.buffer.subarray(0, bytes);
    this.buffer = this.buffer.subarray(bytes);
    this.hash.update(taken);
    return taken;
  }
}

/** Parses and validates a JSON frame payload. */
export function parseFrame<T>(frame: Frame, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(frame.payload.toString('utf8'));
  } catch {
    throw new DumpFormatError(`the "${frame.type}" frame holds no valid JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new DumpFormatError(`the "${frame.type}" frame is not as expected (${parsed.error.issues[0]?.message ?? ''})`);
  return parsed.data;
}
