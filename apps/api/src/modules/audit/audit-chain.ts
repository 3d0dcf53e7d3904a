import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Verification of the audit hash chain (migration 1765267200000-chain-audit): every platform.audit_event
 * row holds `seq` (1, 2, 3, … without gaps), `prev_hash` (the hash of seq − 1; 32 zero bytes for seq 1)
 * and `hash` = sha256(prev_hash || UTF-8 of platform.audit_canonical(row)); platform.audit_chain_head
 * holds the last seq and hash. The canonical text comes from the database (its one definition); the
 * hashes are recomputed here, so a rewritten trigger or SQL function cannot vouch for itself.
 *
 * Findings are local: each row's hash is checked against its own content and stored prev_hash, and each
 * link against the stored hash of the row before. An edited row is therefore named alone, not every row
 * after it, and the first finding is the earliest problem in the chain.
 */

export const GENESIS_HASH: Buffer = Buffer.alloc(32);

/**
 * - `modified`: a row's content (or its prev_hash/hash) no longer matches its hash.
 * - `deleted`: seq numbers are missing — in the middle, at the start, or at the end (the head is further).
 * - `reordered`: a row sits at a place it was not written at: its content belongs to another seq, or its
 *   prev_hash is not the previous row's hash although no seq is missing.
 * - `head`: the chain head does not match the last row (rows written around the trigger, or a rewritten
 *   last row or head).
 */
export type AuditChainFindingKind = 'modified' | 'deleted' | 'reordered' | 'head';

export interface AuditChainFinding {
  kind: AuditChainFindingKind;
  /** Where the chain breaks: the row's seq (for a deletion, the first missing seq). */
  seq: string;
  /** The audit_event id at that seq, when a row is there. */
  id: string | null;
  message: string;
}

export interface AuditChainReport {
  intact: boolean;
  /** Rows walked. */
  events: number;
  /** seq of the last row ('0' when there is none). */
  lastSeq: string;
  head: { seq: string; hash: string };
  /** In chain order: the first is the earliest problem. */
  findings: AuditChainFinding[];
  /** Findings beyond `maxFindings`, counted but not listed. */
  moreFindings: number;
}

export interface VerifyOptions {
  /** Rows per query (keyset pagination on seq; memory stays flat). */
  batchSize?: number;
  maxFindings?: number;
}

type Queryable = Pick<EntityManager, 'query'>;

interface ChainRow {
  seq: string;
  id: string;
  prev_hash: Buffer | null;
  hash: Buffer | null;
  canonical: string;
}

/** The hash of an event, as the trigger computes it. */
export function chainHash(prevHash: Buffer, canonical: string): Buffer {
  return createHash('sha256').update(prevHash).update(canonical, 'utf8').digest();
}

/**
 * Verifies on one consistent snapshot (REPEATABLE READ, read-only): rows and head are seen as of one
 * moment, whatever is written meanwhile. Needs the owner connection (the API role cannot read the head).
 */
export async function verifyAuditChainSnapshot(owner: DataSource, options: VerifyOptions = {}): Promise<AuditChainReport> {
  return owner.transaction('REPEATABLE READ', async (manager) => {
    await manager.query('SET TRANSACTION READ ONLY');
    return verifyAuditChain(manager, options);
  });
}

/**
 * Walks the chain in seq order. The caller provides a stable view: a REPEATABLE READ transaction
 * (verifyAuditChainSnapshot), or one that holds the head (`SELECT … FROM platform.audit_chain_head FOR
 * UPDATE`), so nobody appends meanwhile, and has written no event itself (the head moves at commit).
 */
export async function verifyAuditChain(db: Queryable, options: VerifyOptions = {}): Promise<AuditChainReport> {
  const batchSize = options.batchSize ?? 5_000;
  const walk = new ChainWalk(options.maxFindings ?? 100);
  const [head] = await db.query<{ seq: string; hash: Buffer }[]>('SELECT seq::text AS seq, hash FROM platform.audit_chain_head');
  if (!head) throw new Error('platform.audit_chain_head has no row: the audit chain was never set up or its head was removed');

  let after = '0';
  for (;;) {
    const rows = await db.query<ChainRow[]>(
      `SELECT e.seq::text AS seq, e.id::text AS id, e.prev_hash, e.hash, platform.audit_canonical(e) AS canonical
       FROM platform.audit_event e WHERE e.seq > $1::bigint ORDER BY e.seq LIMIT $2`,
      [after, batchSize],
    );
    for (const row of rows) walk.add(row);
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) break;
    after = last.seq;
  }
  walk.end(BigInt(head.seq), head.hash);
  await walk.explainMoves(db);
  return walk.report(head);
}

interface Walked {
  seq: bigint;
  id: string;
  prevHash: Buffer;
  hash: Buffer;
  recomputed: Buffer;
  /** The stored hash matches the row's content and prev_hash. */
  sound: boolean;
}

/** Modified rows considered for a move between two places (pairwise, so bounded). */
const MOVE_CANDIDATES = 50;

/** A finding, and whether it is a broken link (prev_hash ≠ the hash before) rather than a row's own. */
type Found = AuditChainFinding & { link: boolean };

class ChainWalk {
  private findings: Found[] = [];
  private more = 0;
  private events = 0;
  private previous: Walked | null = null;
  /** The first rows whose hash does not match their content: candidates for a move between two places. */
  private readonly mismatched = new Map<string, Walked>();

  constructor(private readonly maxFindings: number) {}

  add(row: ChainRow): void {
    const prevHash = row.prev_hash ?? Buffer.alloc(0);
    const hash = row.hash ?? Buffer.alloc(0);
    const recomputed = chainHash(prevHash, row.canonical);
    const current: Walked = { seq: BigInt(row.seq), id: row.id, prevHash, hash, recomputed, sound: recomputed.equals(hash) };
    const before = this.previous;
    const expected = before ? before.seq + 1n : 1n;
    this.events++;

    if (current.seq > expected) {
      const missing = current.seq - expected;
      const range = missing === 1n ? `seq ${expected} is missing` : `seq ${expected}…${current.seq - 1n} are missing (${missing} events)`;
      this.find('deleted', expected, null, before ? `${range} between ${at(before)} and ${at(current)}` : `${range} at the start of the chain, before ${at(current)}`);
    } else if (current.seq < expected) {
      this.find('reordered', current.seq, current.id, `${at(current)} repeats a seq already used in the chain`);
    } else if (!this.follows(current, before)) {
      this.find(
        'reordered',
        current.seq,
        current.id,
        before
          ? `${at(current)} does not follow ${at(before)}: its prev_hash is not that event's hash (events re-ordered, replaced, or removed and re-numbered)`
          : `${at(current)} does not start the chain: its prev_hash is not the genesis value`,
        true,
      );
    }
    if (!current.sound) {
      if (this.mismatched.size < MOVE_CANDIDATES) this.mismatched.set(row.seq, current);
      this.find('modified', current.seq, current.id, `${at(current)} was modified: its content no longer matches its hash`);
    }
    this.previous = current;
  }

  /** The head must be where the last row is; a head further on means the newest events were removed. */
  end(headSeq: bigint, headHash: Buffer): void {
    const last = this.previous;
    const lastSeq = last?.seq ?? 0n;
    if (headSeq > lastSeq) {
      const first = lastSeq + 1n;
      const range = headSeq === first ? `seq ${first} is missing` : `seq ${first}…${headSeq} are missing (${headSeq - lastSeq} events)`;
      this.find('deleted', first, null, `${range} at the end of the chain (truncated): the head is at seq ${headSeq}, the last event ${last ? `is ${at(last)}` : 'does not exist'}`);
    } else if (headSeq < lastSeq) {
      this.find('head', headSeq + 1n, null, `events after the chain head (seq ${headSeq + 1n}…${lastSeq}) were not written through the chain trigger, or the head was moved back`);
    } else if (!headHash.equals(last?.hash ?? GENESIS_HASH)) {
      this.find('head', lastSeq, last?.id ?? null, `the chain head's hash does not match ${last ? at(last) : 'the empty chain'}: the last event or the head was rewritten`);
    }
  }

  /**
   * Two rows whose hashes fail may have swapped places: the content of one, put at the other's seq, then
   * hashes to that place's hash (contents swapped), or to its own stored hash (whole rows re-numbered).
   * Such rows are reported as re-ordered, naming where each event was written; the broken links around a
   * re-numbered row are the same problem and are not listed again.
   */
  async explainMoves(db: Queryable): Promise<void> {
    const candidates = [...this.mismatched.values()];
    if (candidates.length < 2) return;
    const rows = await db.query<{ id: string; at_seq: string; canonical: string }[]>(
      `SELECT e.id::text AS id, place.seq::text AS at_seq,
              platform.audit_canonical(jsonb_populate_record(e, jsonb_build_object('seq', place.seq))) AS canonical
       FROM platform.audit_event e CROSS JOIN unnest($2::bigint[]) AS place (seq)
       WHERE e.id = ANY ($1::bigint[]) AND e.seq <> place.seq`,
      [candidates.map((c) => c.id), candidates.map((c) => c.seq.toString())],
    );
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const renumbered = new Set<bigint>();
    const explained = new Map<bigint, { from: bigint; whole: boolean }>();
    for (const row of rows) {
      const moved = byId.get(row.id);
      const place = this.mismatched.get(row.at_seq);
      if (!moved || !place || explained.has(moved.seq)) continue;
      if (chainHash(place.prevHash, row.canonical).equals(place.hash)) {
        explained.set(moved.seq, { from: place.seq, whole: false });
      } else if (chainHash(moved.prevHash, row.canonical).equals(moved.hash)) {
        explained.set(moved.seq, { from: place.seq, whole: true });
        renumbered.add(moved.seq);
      }
    }
    for (const [index, finding] of this.findings.entries()) {
      const seq = BigInt(finding.seq);
      const move = explained.get(seq);
      if (finding.kind === 'modified' && move) {
        this.findings[index] = {
          kind: 'reordered',
          seq: finding.seq,
          id: finding.id,
          link: false,
          message: `seq ${seq} (id ${finding.id ?? '?'}) holds the event written at seq ${move.from}: events were re-ordered (${move.whole ? 'rows re-numbered' : 'contents swapped'})`,
        };
      }
    }
    const aroundMove = (seq: bigint): boolean => renumbered.has(seq) || renumbered.has(seq - 1n);
    this.findings = this.findings.filter((finding) => !(finding.link && aroundMove(BigInt(finding.seq))));
  }

  report(head: { seq: string; hash: Buffer }): AuditChainReport {
    return {
      intact: this.findings.length === 0 && this.more === 0,
      events: this.events,
      lastSeq: (this.previous?.seq ?? 0n).toString(),
      head: { seq: head.seq, hash: head.hash.toString('hex') },
      findings: this.findings.map(({ link: _link, ...finding }) => finding),
      moreFindings: this.more,
    };
  }

  /** A row follows the one before when its prev_hash is that row's hash — as stored, or as it should be
   *  when that row's hash column itself was edited (then only that row is reported). */
  private follows(current: Walked, before: Walked | null): boolean {
    if (!before) return current.prevHash.equals(GENESIS_HASH);
    if (current.prevHash.equals(before.hash)) return true;
    return !before.sound && current.prevHash.equals(before.recomputed);
  }

  private find(kind: AuditChainFindingKind, seq: bigint, id: string | null, message: string, link = false): void {
    if (this.findings.length >= this.maxFindings) this.more++;
    else this.findings.push({ kind, seq: seq.toString(), id, message, link });
  }
}

function at(row: { seq: bigint; id: string }): string {
  return `seq ${row.seq} (id ${row.id})`;
}

/** The report as lines for a terminal: one summary line, then one line per finding. */
export function describeAuditChainReport(report: AuditChainReport): string[] {
  if (report.intact) {
    return [`audit chain intact: ${report.events} events, last seq ${report.lastSeq}`, `head hash ${report.head.hash}`];
  }
  const count = report.findings.length + report.moreFindings;
  return [
    `audit chain BROKEN: ${count} finding${count === 1 ? '' : 's'} in ${report.events} events (last seq ${report.lastSeq}, head seq ${report.head.seq})`,
    ...report.findings.map((finding) => `  ${finding.kind.padEnd(9)} ${finding.message}`),
    ...(report.moreFindings > 0 ? [`  … and ${report.moreFindings} more (raise --max-findings to list them)`] : []),
  ];
}
