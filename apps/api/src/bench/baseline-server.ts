import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import pg from 'pg';
import { CODE_LISTS, isRegionSlug } from '@leerwinkel/contracts';
import type { AppConfig } from '../config/config.js';
import { RATE_LIMIT_HIT_SQL, rateLimitHitParameters } from '../common/auth/rate-limit.repository.js';
import { exactInstant } from '../common/pagination/page-query.dto.js';
import { databaseIdentity } from '../database/data-sources.js';
import { allowedNext, type CaseStatus } from '../modules/cases/case-state-machine.js';
import { quoteIdent } from '../tenancy/region-naming.js';

/**
 * The read-path baseline of `pnpm bench:read` / `bench:write`: a minimal server — node:http and pg, no
 * framework — answering the case routes the benchmarks load with the same JSON as the API and **the same SQL
 * statements** (text, parameters, order, transaction shape) over a pool of the same size:
 *
 *   the principal (active user in an active session), the region with the caller's membership, then one transaction
 *   BEGIN · set_config(role, search_path, region id) · the case · … · COMMIT, then the counsellors' names.
 *
 * test/bench/baseline-server.e2e.spec.ts proves both claims against the API for every route here, so the ratio
 * the benchmark prints is the price of everything else the API does per request (NestJS, Express, Passport,
 * validation, helmet, compression, request logs, the problem filter, TypeORM).
 *
 * It checks what the API checks on these routes (HS256 token with issuer, audience and expiry; active user
 * and session; active region and membership; a well-formed slug and uuid; the contact's fields) but is no
 * product code: it answers nothing else, and an unexpected failure is a bare 500.
 */
export const BASELINE_APPLICATION_NAME = 'leerwinkel-baseline';

const SQL = {
  principal: `SELECT u.id, u.email, u.display_name AS "displayName", u.central_role AS "centralRole", u.partner_id AS "partnerId"
         FROM platform.user_account u
        WHERE u.id = $1 AND u.status = 'active'
          AND EXISTS (SELECT 1 FROM platform.refresh_token t WHERE t.family_id = $2 AND t.revoked_at IS NULL AND t.expires_at > now())`,
  region: `SELECT r.id, r.slug, r.schema_name AS "schemaName", r.role_name AS "roleName", m.role
         FROM platform.region r
         LEFT JOIN platform.region_membership m
           ON m.region_id = r.id AND m.user_id = $2 AND m.status = 'active'
          AND EXISTS (SELECT 1 FROM platform.user_account u WHERE u.id = m.user_id AND u.status = 'active')
        WHERE r.slug = $1 AND r.status = 'active'`,
  enter: "SELECT set_config('role', $1, true), set_config('search_path', $2, true), set_config('leerwinkel.region_id', $3, true)",
  case: `SELECT 
  c.id, c.learner_id AS "learnerId", l.first_name || ' ' || l.last_name AS "learnerName", c.kind, c.status,
  c.counsellor_id AS "counsellorId", c.organisation_id AS "organisationId", c.learning_question AS "learningQuestion",
  c.themes, c.barriers, c.goal, c.exit_reason AS "exitReason", c.objectives_met AS "objectivesMet",
  c.opened_at AS "openedAt", c.closed_at AS "closedAt", to_char((SELECT min(a.due_date) FROM action_item a WHERE a.case_id = c.id AND a.done_at IS NULL), 'YYYY-MM-DD') AS "nextDueDate",
  coalesce((SELECT min(a.due_date) FROM action_item a WHERE a.case_id = c.id AND a.done_at IS NULL) < current_date, false) AS overdue,
  (SELECT count(*)::int FROM contact k WHERE k.case_id = c.id) AS "contactCount", c.version FROM guidance_case c JOIN learner l ON l.id = c.learner_id WHERE c.id = $1`,
  logAccess: 'INSERT INTO learner_access (learner_id, user_id, parts) VALUES ($1, $2, $3)',
  transitions: `SELECT t.id::text AS id, t.from_status AS "from", t.to_status AS "to", t.note, t.by_user AS "byUserId", t.at FROM case_transition t
        WHERE t.case_id = $1 AND ($2::bigint IS NULL OR t.id > $2::bigint) ORDER BY t.id LIMIT $3`,
  contacts: `SELECT id, occurred_at AS "occurredAt", duration_minutes AS "durationMinutes", channel, kind, notes, counsellor_id AS "counsellorId",
              ${exactInstant('occurred_at')} AS "sortKey"
         FROM contact WHERE case_id = $1 AND ($2::timestamptz IS NULL OR (occurred_at, id) < ($2::timestamptz, $3::uuid))
        ORDER BY occurred_at DESC, id DESC LIMIT $4`,
  processing: 'SELECT restricted_at IS NOT NULL AS restricted, anonymised_at IS NOT NULL AS anonymised FROM learner WHERE id = $1',
  insertContact: `INSERT INTO contact (case_id, occurred_at, duration_minutes, channel, kind, notes, counsellor_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING id, occurred_at AS "occurredAt", duration_minutes AS "durationMinutes", channel, kind, notes, counsellor_id AS "counsellorId"`,
  names: 'SELECT id, display_name AS "displayName" FROM platform.user_account WHERE id = ANY($1::uuid[])',
};

const ROUTE = /^\/api\/v1\/regions\/([^/]+)\/cases\/([^/]+)(?:\/(transitions|contacts))?$/;
/** What the API's ParseUUIDPipe accepts (a version 1–8 UUID of the RFC variant, or the nil and max UUIDs). */
const UUID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|0{8}-0{4}-0{4}-0{4}-0{12}|f{8}-f{4}-f{4}-f{4}-f{12})$/i;
const PAGE_SIZE = 25;

interface Claims {
  sub: string;
  sid: string;
  typ: string;
  iss: string;
  aud: string;
  exp: number;
}
interface Region {
  id: string;
  schemaName: string;
  roleName: string;
  role: string | null;
}
interface CaseRow {
  id: string;
  learnerId: string;
  status: CaseStatus;
  counsellorId: string;
  openedAt: Date;
  closedAt: Date | null;
  [column: string]: unknown;
}
type Answer = { status: number; body: unknown; etag?: string };

class Refused extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
  ) {
    super(title);
  }
}

/** The baseline server on the API's runtime role and pool size (not listening yet). */
export function createBaselineServer(config: AppConfig): { server: Server; close: () => Promise<void> } {
  const pool = new pg.Pool({
    connectionString: databaseIdentity(config.database).appUrl,
    max: config.database.poolSize,
    application_name: BASELINE_APPLICATION_NAME,
    statement_timeout: config.database.statementTimeoutMs,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  const secret = config.auth.jwtSecret;

  let prunedWindow = 0;

  async function principal(request: IncomingMessage): Promise<{ userId: string }> {
    const claims = verify(request.headers.authorization, secret);
    const found = (await pool.query<{ id: string }>(SQL.principal, [claims.sub, claims.sid])).rows[0];
    if (!found) throw new Refused(401, 'Unauthenticated');
    // The API's rate limit: the principal's hit counted in PostgreSQL, past windows pruned once a minute.
    const window = Math.floor(Date.now() / 60_000);
    const prune = window !== prunedWindow;
    prunedWindow = window;
    const [hit] = (await pool.query<{ hits: number }>(RATE_LIMIT_HIT_SQL, rateLimitHitParameters([`user:${found.id}`], prune))).rows;
    if (hit && hit.hits > config.rateLimits.perPrincipalPerMinute) throw new Refused(429, 'Too many requests');
    return { userId: found.id };
  }

  /** One region unit of work, statement for statement as RegionUnitOfWork.runIn sends it. */
  async function inRegion<T>(region: Region, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('START TRANSACTION');
      try {
        await client.query(SQL.enter, [region.roleName, quoteIdent(region.schemaName), region.id]);
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    } finally {
      client.release();
    }
  }

  async function names(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const { rows } = await pool.query<{ id: string; displayName: string }>(SQL.names, [ids]);
    return new Map(rows.map((row) => [row.id, row.displayName]));
  }

  async function requireCase(client: pg.PoolClient, id: string): Promise<CaseRow> {
    const found = (await client.query<CaseRow>(SQL.case, [id])).rows[0];
    if (!found) throw new Refused(404, 'Not found');
    return found;
  }

  function caseDto(row: CaseRow, named: Map<string, string>): Record<string, unknown> {
    return {
      id: row.id,
      learnerId: row.learnerId,
      learnerName: row.learnerName,
      kind: row.kind,
      status: row.status,
      allowedTransitions: allowedNext(row.status),
      counsellorId: row.counsellorId,
      counsellorName: named.get(row.counsellorId) ?? null,
      organisationId: row.organisationId,
      learningQuestion: row.learningQuestion,
      themes: row.themes,
      barriers: row.barriers,
      goal: row.goal,
      exitReason: row.exitReason,
      objectivesMet: row.objectivesMet,
      openedAt: new Date(row.openedAt).toISOString(),
      closedAt: row.closedAt ? new Date(row.closedAt).toISOString() : null,
      nextDueDate: row.nextDueDate,
      overdue: row.overdue,
      contactCount: row.contactCount,
      version: row.version,
    };
  }

  async function answer(request: IncomingMessage, url: URL): Promise<Answer> {
    const match = ROUTE.exec(url.pathname);
    const [, slug, caseId, part] = match ?? [];
    if (!slug || !caseId || !(request.method === 'GET' || (request.method === 'POST' && part === 'contacts'))) throw new Refused(404, 'Not found');
    if (!isRegionSlug(slug) || !UUID.test(caseId)) throw new Refused(400, 'Bad request');
    const limit = page(url);
    const input = request.method === 'POST' ? contactInput(await readJson(request, config.bodyLimit)) : undefined;
    const { userId } = await principal(request);
    const region = (await pool.query<Region>(SQL.region, [slug, userId])).rows[0];
    if (!region) throw new Refused(404, 'Region not found');
    if (!region.role) throw new Refused(403, 'Forbidden');

    if (input) {
      const row = await inRegion(region, async (client) => {
        const kase = await requireCase(client, caseId);
        const state = (await client.query<{ restricted: boolean; anonymised: boolean }>(SQL.processing, [kase.learnerId])).rows[0];
        if (!state) throw new Refused(404, 'Not found');
        if (state.restricted || state.anonymised) throw new Refused(409, 'Conflict');
        const values = [caseId, new Date(input.occurredAt), input.durationMinutes, input.channel, input.kind, input.notes?.trim() || null, userId];
        return (await client.query<{ counsellorId: string; occurredAt: Date }>(SQL.insertContact, values)).rows[0];
      });
      if (!row) throw new Error('INSERT … RETURNING answered no row');
      const named = await names([row.counsellorId]);
      return { status: 201, body: { ...row, occurredAt: new Date(row.occurredAt).toISOString(), counsellorName: named.get(row.counsellorId) ?? null } };
    }
    if (part === 'transitions') {
      const rows = await inRegion(region, async (client) => {
        await requireCase(client, caseId);
        return (await client.query<{ id: string; byUserId: string; at: Date }>(SQL.transitions, [caseId, null, limit + 1])).rows;
      });
      const named = await names([...new Set(rows.map((row) => row.byUserId))]);
      const items = rows.slice(0, limit).map((row) => ({ ...row, byUserName: named.get(row.byUserId) ?? null, at: new Date(row.at).toISOString() }));
      const last = items.at(-1);
      return { status: 200, body: { items, nextCursor: rows.length > limit && last ? cursor({ id: last.id }) : null } };
    }
    if (part === 'contacts') {
      const rows = await inRegion(region, async (client) => {
        await requireCase(client, caseId);
        return (await client.query<{ id: string; counsellorId: string; occurredAt: Date; sortKey: string }>(SQL.contacts, [caseId, null, null, limit + 1])).rows;
      });
      const named = await names([...new Set(rows.map((row) => row.counsellorId))]);
      const items = rows.slice(0, limit).map(({ sortKey: _sortKey, ...row }) => ({ ...row, occurredAt: new Date(row.occurredAt).toISOString(), counsellorName: named.get(row.counsellorId) ?? null }));
      const last = rows[limit - 1];
      return { status: 200, body: { items, nextCursor: rows.length > limit && last ? cursor({ t: last.sortKey, id: last.id }) : null } };
    }
    const row = await inRegion(region, async (client) => {
      const found = await requireCase(client, caseId);
      await client.query(SQL.logAccess, [found.learnerId, userId, ['case']]);
      return found;
    });
    const dto = caseDto(row, await names([row.counsellorId]));
    return { status: 200, body: dto, etag: `"${String(row.version)}"` };
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://baseline');
    answer(request, url).then(
      (result) => {
        send(response, result);
      },
      (error: unknown) => {
        send(response, error instanceof Refused ? { status: error.status, body: { status: error.status, title: error.title } } : { status: 500, body: { status: 500, title: 'Internal error' } });
      },
    );
  });
  server.keepAliveTimeout = 5_000;
  return {
    server,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => {
        resolve();
      }));
      await pool.end();
    },
  };
}

function send(response: ServerResponse, answer: Answer): void {
  const body = JSON.stringify(answer.body);
  response.statusCode = answer.status;
  response.setHeader('content-type', answer.status < 400 ? 'application/json; charset=utf-8' : 'application/problem+json; charset=utf-8');
  response.setHeader('content-length', Buffer.byteLength(body));
  if (answer.etag) response.setHeader('etag', answer.etag);
  response.end(body);
}

/** The bearer token, checked as the API's JwtStrategy does: HS256 only, issuer, audience, expiry, a user session. */
function verify(header: string | undefined, secret: string): Claims {
  const token = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(header ?? '');
  if (!token) throw new Refused(401, 'Unauthenticated');
  const [, head, payload, signature] = token as unknown as [string, string, string, string];
  const expected = createHmac('sha256', secret).update(`${head}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  const alg = (JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: unknown }).alg;
  if (alg !== 'HS256' || given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Refused(401, 'Unauthenticated');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
  if (claims.iss !== 'leerwinkel' || claims.aud !== 'leerwinkel-api' || claims.typ !== 'user' || typeof claims.sid !== 'string' || claims.exp * 1000 <= Date.now()) {
    throw new Refused(401, 'Unauthenticated');
  }
  return claims;
}

function page(url: URL): number {
  const given = url.searchParams.get('limit');
  if (given === null) return PAGE_SIZE;
  const limit = Number(given);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new Refused(400, 'Bad request');
  return limit;
}

function cursor(position: Record<string, string>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

async function readJson(request: IncomingMessage, limit: string): Promise<unknown> {
  const max = Number.parseInt(limit, 10) * (limit.endsWith('mb') ? 1_048_576 : 1024);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw new Refused(413, 'Payload too large');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new Refused(400, 'Bad request');
  }
}

/** The checks of CreateContactDto (whitelist, types, ranges, code lists, not in the future). */
function contactInput(body: unknown): { occurredAt: string; durationMinutes: number; channel: string; kind: string; notes?: string } {
  if (typeof body !== 'object' || body === null) throw new Refused(400, 'Bad request');
  const input = body as Record<string, unknown>;
  const known = ['occurredAt', 'durationMinutes', 'channel', 'kind', 'notes'];
  const { occurredAt, durationMinutes, channel, kind, notes } = input;
  const ok =
    Object.keys(input).every((key) => known.includes(key)) &&
    typeof occurredAt === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(occurredAt) && Date.parse(occurredAt) <= Date.now() &&
    typeof durationMinutes === 'number' && Number.isInteger(durationMinutes) && durationMinutes >= 1 && durationMinutes <= 600 &&
    typeof channel === 'string' && CODE_LISTS.contactChannels.some((entry) => entry.code === channel) &&
    typeof kind === 'string' && CODE_LISTS.contactKinds.some((entry) => entry.code === kind) &&
    (notes === undefined || (typeof notes === 'string' && notes.length <= 10_000));
  if (!ok) throw new Refused(400, 'Bad request');
  return { occurredAt, durationMinutes, channel, kind, ...(typeof notes === 'string' ? { notes } : {}) };
}
