import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { REPO_ROOT } from '../../../src/config/config.js';
import type { ProvisionedRegion } from '../../../src/tenancy/region-provisioner.js';
import { createTestContext, signIn, type TestContext } from '../../support/test-context.js';
import { leakedInternals } from './leaks.js';
import { partnerWithClient } from './partner-client.js';

/**
 * OWASP API3 (broken object property-level authorization). Mass assignment: every write operation of the
 * OpenAPI document that takes a JSON body gets an unknown field and every field its answer has but its request does not (the
 * read-only ones: id, createdAt, status, regionId, …) — the answer is a 400 problem naming each of them, and
 * nothing changes. Excessive data exposure: what a partner sees of a referral, and what the support point's
 * analyst sees, are checked against what they may see.
 */

type Method = 'get' | 'post' | 'patch' | 'delete' | 'put';
interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
}
interface OperationObject {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface OpenApiDocument {
  paths: Record<string, Partial<Record<Method, OperationObject>>>;
  components: { schemas: Record<string, Schema> };
}

const doc = JSON.parse(readFileSync(path.join(REPO_ROOT, 'apps', 'api', 'openapi.json'), 'utf8')) as OpenApiDocument;

/** A schema with its $ref / allOf resolved to the object it describes. */
function resolve(schema: Schema | undefined): Schema | undefined {
  if (!schema) return undefined;
  if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').at(-1) ?? '']);
  if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
  return schema;
}

/** Routes whose bodies are not JSON DTOs, and why. */
const NOT_JSON: Record<string, string> = {
  'POST /api/v1/auth/token':
    'OAuth2 token request (form-encoded); RFC 6749 §3.2 says unknown parameters are ignored — it reads only its own',
};

/** Fields a write must refuse when the request schema lacks them although an answer would carry them. */
const ALWAYS_READ_ONLY = [
  'id',
  'createdAt',
  'updatedAt',
  'regionId',
  'schemaName',
  'passwordHash',
  'role',
  'centralRole',
  'partnerId',
  'status',
  'version',
];

interface WriteCase {
  route: string;
  method: Method;
  path: string;
  sent: Record<string, unknown>;
  expected: string[];
}

function writeCases(): WriteCase[] {
  return Object.entries(doc.paths).flatMap(([route, item]) =>
    (Object.entries(item) as [Method, OperationObject][]).flatMap(([method, operation]) => {
      const name = `${method.toUpperCase()} ${route}`;
      const body = resolve(operation.requestBody?.content?.['application/json']?.schema);
      // Without a request schema the route reads no body at all (whatever is sent is never looked at).
      if (!body || name in NOT_JSON) return [];
      const accepted = new Set(Object.keys(body.properties ?? {}));
      const answer = Object.entries(operation.responses ?? {}).find(([status]) => status.startsWith('2'))?.[1];
      const answered = Object.keys(resolve(answer?.content?.['application/json']?.schema)?.properties ?? {});
      const readOnly = [...new Set([...answered, ...ALWAYS_READ_ONLY])].filter((field) => !accepted.has(field));
      const sent: Record<string, unknown> = { isAdmin: true, __leerwinkel_unknown: 'x' };
      for (const field of readOnly) sent[field] = 'injected';
      const expected = Object.keys(sent);
      // One level down: an object-valued field must refuse unknown fields too.
      for (const [field, property] of Object.entries(body.properties ?? {})) {
        if (resolve(property)?.properties) {
          sent[field] = { __leerwinkel_nested: 'x' };
          expected.push(`${field}.__leerwinkel_nested`);
        }
      }
      return [{ route: name, method, path: route, sent, expected }];
    }),
  );
}

describe('OWASP API3: property-level authorization', () => {
  let ctx: TestContext;
  let app: NestExpressApplication;
  let region: ProvisionedRegion;
  const auth: Record<string, string> = {};
  const server = () => app.getHttpServer();
  const call = (method: Method, url: string, authorization?: string) => {
    const pending = request(server())[method](url);
    return authorization ? pending.set('authorization', authorization) : pending;
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    region = await ctx.newRegion();
    app = await ctx.newApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE_PER_IP: '1000' } });
    auth.coordinator = (
      await signIn(app, await ctx.newUser({ regions: { [region.slug]: 'coordinator' } }))
    ).authorization;
    auth.admin = (await signIn(app, await ctx.newUser({ centralRole: 'platform_admin' }))).authorization;
    auth.analyst = (await signIn(app, await ctx.newUser({ centralRole: 'analyst' }))).authorization;
    const partner = await partnerWithClient(server(), auth.admin, `Eigenschap ${String(Date.now())}`);
    auth.partnerId = partner.id;
    auth.partner = partner.token;
    auth.partnerUser = (await signIn(app, await ctx.newUser({ partnerId: partner.id }))).authorization;
  });
  afterAll(async () => {
    await ctx.close();
  });

  function principalFor(route: string): string | undefined {
    if (route.startsWith('/api/v1/regions/{region}/')) return auth.coordinator;
    if (route.startsWith('/api/v1/partner/')) return auth.partner;
    if (route.startsWith('/api/v1/admin/') || route.startsWith('/api/v1/central/')) return auth.admin;
    return undefined; // the public sign-in routes
  }

  async function regionRowCounts(): Promise<Record<string, number>> {
    const tables = await ctx.owner.query<{ table_name: string }[]>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1",
      [region.schemaName],
    );
    const counts: Record<string, number> = {};
    for (const { table_name: table } of tables) {
      counts[table] = Number(
        (await ctx.owner.query<[{ n: string }]>(`SELECT count(*) AS n FROM "${region.schemaName}"."${table}"`))[0].n,
      );
    }
    return counts;
  }

  it('refuses unknown and read-only fields on every write operation (no mass assignment), changing nothing', async () => {
    const cases = writeCases();
    expect(cases.length).toBeGreaterThan(35);
    const before = await regionRowCounts();
    const problems: string[] = [];
    for (const c of cases) {
      const url = c.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
        name === 'region' || name === 'slug'
          ? region.slug
          : name === 'clientId'
            ? 'lwc_property-level'
            : name === 'partnerId'
              ? (auth.partnerId ?? '')
              : '00000000-0000-4000-8000-0000000000aa',
      );
      const response = await call(c.method, url, principalFor(c.path)).set('if-match', '"1"').send(c.sent);
      const fields = ((response.body as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
      const missing = c.expected.filter((field) => !fields.includes(field));
      if (response.status !== 400 || missing.length > 0)
        problems.push(`${c.route}: ${String(response.status)}, not refused: ${missing.join(', ')}`);
      const leaked = leakedInternals(response.text);
      if (leaked) problems.push(`${c.route}: ${leaked}`);
    }
    expect(problems).toEqual([]);
    expect(await regionRowCounts()).toEqual(before);
  });

  it('a partner sees of a referral only what the counsellor shared, never the rest of the record', async () => {
    const base = `/api/v1/regions/${region.slug}`;
    await call('patch', `${base}/settings`, auth.coordinator).send({ inszEnabled: true }).expect(200);
    const insz = `850411123${String(97 - Number(850411123n % 97n)).padStart(2, '0')}`;
    const learner = (
      await call('post', `${base}/learners`, auth.coordinator)
        .send({
          firstName: 'Hanne',
          lastName: 'Geheimhouding',
          dateOfBirth: '1985-04-11',
          gender: 'female',
          email: 'hanne@voorbeeld.be',
          phone: '+32 470 12 34 56',
          insz,
          municipality: 'Oostkamp',
          postalCode: '8020',
          nativeLanguage: 'nl',
          dutchLevel: 'native',
          educationLevel: 'isced_3',
          employmentStatus: 'job_seeker',
          targetGroups: ['low_qualified'],
          referralSource: 'self',
          confirmNewPerson: true,
        })
        .expect(201)
    ).body as { id: string };
    const kase = (
      await call('post', `${base}/cases`, auth.coordinator)
        .send({
          learnerId: learner.id,
          kind: 'guidance',
          learningQuestion: 'Wil boekhouder worden',
          goal: 'DOEL-VERTROUWELIJK',
          healthBarrier: true,
        })
        .expect(201)
    ).body as { id: string };
    await call('post', `${base}/cases/${kase.id}/contacts`, auth.coordinator)
      .send({
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        durationMinutes: 45,
        channel: 'in_person',
        kind: 'guidance',
        notes: 'NOTITIE-VERTROUWELIJK',
      })
      .expect(201);
    await call('post', `${base}/learners/${learner.id}/consents`, auth.coordinator)
      .send({ purpose: 'partner_sharing', partnerId: auth.partnerId, textVersion: 'v1' })
      .expect(201);

    const forbiddenKeys = [
      'insz',
      'inszMasked',
      'dateOfBirth',
      'gender',
      'nativeLanguage',
      'municipality',
      'postalCode',
      'employmentStatus',
      'targetGroups',
      'referralSource',
      'healthBarrier',
      'barriers',
      'health',
      'notes',
      'goal',
      'themes',
      'contacts',
      'learnerId',
      'caseId',
      'consentId',
      'counsellorId',
    ];
    const forbiddenValues = [
      insz,
      '1985-04-11',
      'Oostkamp',
      '8020',
      'DOEL-VERTROUWELIJK',
      'NOTITIE-VERTROUWELIJK',
      learner.id,
      kase.id,
    ];
    const keysOf = (value: unknown): string[] =>
      Array.isArray(value)
        ? value.flatMap(keysOf)
        : typeof value === 'object' && value !== null
          ? Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)])
          : [];

    for (const share of [
      { contactData: false, learningQuestion: false, educationLevel: false, dutchLevel: false },
      { contactData: true, learningQuestion: true, educationLevel: true, dutchLevel: true },
    ]) {
      const sent = (
        await call('post', `${base}/cases/${kase.id}/referrals`, auth.coordinator)
          .send({ partnerId: auth.partnerId, share })
          .expect(201)
      ).body as { id: string };
      for (const who of [auth.partner, auth.partnerUser]) {
        const views = [
          (await call('get', `/api/v1/partner/referrals/${sent.id}`, who).expect(200)).body as unknown,
          (
            (await call('get', '/api/v1/partner/referrals', who).expect(200)).body as { items: { id: string }[] }
          ).items.find((r) => r.id === sent.id),
        ];
        for (const view of views) {
          expect(keysOf(view).filter((key) => forbiddenKeys.includes(key))).toEqual([]);
          const text = JSON.stringify(view);
          expect(forbiddenValues.filter((value) => text.includes(value))).toEqual([]);
          // Contact data only when shared.
          expect(text.includes('hanne@voorbeeld.be')).toBe(share.contactData);
          expect(text.includes('Wil boekhouder worden')).toBe(share.learningQuestion);
        }
      }
      await call('post', `${base}/referrals/${sent.id}/transitions`, auth.coordinator)
        .send({ to: 'withdrawn' })
        .expect(200);
    }
  });

  it("the support point's analyst sees aggregates only: no person, no id of one, small counts suppressed", async () => {
    await call('post', '/api/v1/admin/indicators/refresh', auth.admin).expect(200);
    const report = await call('get', '/api/v1/central/indicators', auth.analyst)
      .query({ from: '2025-01-01', to: '2026-12-31' })
      .expect(200);
    const text = report.text;
    expect(text).not.toMatch(/Hanne|Geheimhouding|voorbeeld\.be|NOTITIE|DOEL-/);
    const keys = new Set(text.match(/"(\w+)":/g)?.map((k) => k.slice(1, -2)));
    expect(
      [...keys].filter((key) =>
        /^(learner|firstName|lastName|email|phone|insz|dateOfBirth|caseId|notes|counsellor)/.test(key),
      ),
    ).toEqual([]);
    // Small-cell suppression is about counts of people (a median of 1 day or a share is no count).
    const body = report.body as { indicators: { id: string; rows: { measure: string; value: number | null }[] }[] };
    const smallCounts = body.indicators.flatMap((table) =>
      table.rows
        .filter((row) => row.measure === 'count' && row.value !== null && row.value > 0 && row.value < ctx.config.indicatorSuppressionK)
        .map((row) => `${table.id}: ${String(row.value)}`),
    );
    expect(smallCounts).toEqual([]);
  });
});
