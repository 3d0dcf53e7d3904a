import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import fc from 'fast-check';
import request from 'supertest';
import { PARTNER_SCOPES } from '@leerwinkel/contracts';
import { WebhooksRepository } from '../../src/modules/webhooks/webhooks.repository.js';
import type { ProvisionedRegion } from '../../src/tenancy/region-provisioner.js';
import { type IdPools, malformedObject, pathSegment, percentEncode, queryValue, validObject } from '../support/openapi-arbitrary.js';
import { loadOpenApiDocument, type Operation, type Schema, validateAgainstSchema } from '../support/openapi-schema.js';
import { documentedMatrix, PRINCIPALS, type PrincipalName } from '../support/permissions-matrix.js';
import { createTestContext, signIn, TEST_PASSWORD, type TestContext, type TestUser } from '../support/test-context.js';

/**
 * Property-based fuzzing from the OpenAPI document (docs/api.md, "Fuzzing"). Each generated request picks an
 * operation of apps/api/openapi.json, a principal (mostly one docs/permissions.md allows, sometimes any), and
 * path, query, headers and body that are either valid (schema-conforming, with ids of real records) or
 * malformed. Properties: no 5xx; every 4xx is problem+json with type/title/status/code (field errors on a 400
 * validation failure); every 2xx is a documented status with the documented content type, and a JSON body
 * conforms to the documented schema (no undocumented properties either).
 *
 * FUZZ_RUNS (default 5000) sets the number of requests, FUZZ_SEED replays a run. Failures are collected (not
 * shrunk: the API is stateful, so a replayed request meets other data) and printed with the seed and the
 * exact request, which reproduces by itself.
 *
 * Kept sane, not excluded: ids of users and partner clients come only from spare records seeded for that
 * purpose (never the principals'), so deactivating a user, changing a member's role or revoking a client never
 * locks the fuzzer's principals out; list answers of users and members are not harvested into the pools.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 5000);
const SEED = process.env.FUZZ_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED);
/** Requests sent at once (the app's database pool is sized for it). */
const CONCURRENCY = 4;
/** Access tokens are signed in again after this long (long runs outlive a token). */
const TOKEN_REFRESH_MS = 10 * 60_000;

type Method = 'get' | 'post' | 'patch' | 'delete';

interface FuzzOperation {
  route: string;
  method: Method;
  template: string;
  operation: Operation;
  allowed: readonly PrincipalName[];
}

type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; value: Record<string, string> }
  | { kind: 'raw'; contentType: string; text: string };

interface FuzzRequest {
  route: string;
  principal: PrincipalName;
  url: string;
  headers: Record<string, string>;
  body: Body;
}

/** The last literal path segment of a list or create route → the pool its ids belong to. */
const POOL_OF_COLLECTION: Record<string, string> = {
  learners: 'learnerId',
  cases: 'caseId',
  consents: 'consentId',
  'action-items': 'itemId',
  referrals: 'referralId',
  'erasure-requests': 'requestId',
  webhooks: 'endpointId',
  deliveries: 'deliveryId',
  organisations: 'organisationId',
  registrations: 'registrationId',
  partners: 'partnerId',
  offers: 'offerId',
};
/** Pool names that are another pool's ids under a different field name. */
const POOL_ALIASES: Record<string, string> = { existingLearnerId: 'learnerId' };
/** Path parameters named otherwise than their pool (`{slug}` is a region; a body's `slug` is a new one). */
const PATH_POOLS: Record<string, string> = { slug: 'region' };
const POOL_CAP = 40;

describe('property-based fuzzing from the OpenAPI document', () => {
  const document = loadOpenApiDocument();
  let ctx: TestContext;
  let app: NestExpressApplication;
  let regionA: ProvisionedRegion;
  let regionB: ProvisionedRegion;
  const users = new Map<PrincipalName, TestUser>();
  const headers = new Map<PrincipalName, Record<string, string>>();
  let partnerClientCredentials: { clientId: string; clientSecret: string };
  let signedInAt = 0;
  /** Ids by region slug (region-scoped records) and '' (platform records), per pool name. */
  const pools = new Map<string, Map<string, string[]>>();
  const server = () => app.getHttpServer();

  function addToPool(scope: string, name: string, id: string): void {
    const scoped = pools.get(scope) ?? new Map<string, string[]>();
    pools.set(scope, scoped);
    const list = scoped.get(name) ?? [];
    if (list.includes(id)) return;
    list.push(id);
    if (list.length > POOL_CAP) list.shift();
    scoped.set(name, list);
  }

  function homeRegion(principal: PrincipalName): ProvisionedRegion {
    return principal === 'counsellor B' ? regionB : regionA;
  }

  /** The ids a principal's requests draw from: its home region's records (sometimes the other region's) and platform records. */
  function poolsFor(principal: PrincipalName, crossRegion: boolean): IdPools {
    const home = homeRegion(principal);
    const region = crossRegion ? (home === regionA ? regionB : regionA) : home;
    return {
      ids: (field) => {
        const name = POOL_ALIASES[field] ?? field;
        if (name === 'region') return [region.slug];
        if (name === 'regions') return [regionA.slug, regionB.slug, `${regionA.slug},${regionB.slug}`];
        // A new region's slug is mostly an existing one (409): provisioning, a schema and its migrations per
        // call, is the costliest operation, and every region makes each later indicator refresh longer.
        if (name === 'slug') return [regionA.slug, regionB.slug];
        return [...(pools.get(region.slug)?.get(name) ?? []), ...(pools.get('')?.get(name) ?? [])];
      },
    };
  }

  async function signInAll(): Promise<void> {
    for (const [name, user] of users) headers.set(name, { authorization: (await signIn(app, user)).authorization });
    const token = await request(server())
      .post('/api/v1/auth/token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: partnerClientCredentials.clientId, client_secret: partnerClientCredentials.clientSecret })
      .expect(200);
    headers.set('partner client', { authorization: `Bearer ${(token.body as { access_token: string }).access_token}` });
    signedInAt = Date.now();
  }

  async function seed(): Promise<void> {
    const as = (principal: PrincipalName) => headers.get(principal) ?? {};
    const post = async (principal: PrincipalName, url: string, body: object): Promise<{ id: string } & Record<string, unknown>> => {
      const response = await request(server()).post(url).set(as(principal)).send(body);
      if (response.status >= 300) throw new Error(`seeding ${url} failed: ${response.status} ${response.text}`);
      return response.body as { id: string } & Record<string, unknown>;
    };
    const partnerId = (await ctx.owner.query<[{ partner_id: string }]>('SELECT partner_id FROM platform.user_account WHERE id = $1', [users.get('partner user')?.id]))[0].partner_id;
    addToPool('', 'partnerId', partnerId);
    const offer = await post('platform admin', `/api/v1/admin/partners/${partnerId}/offers`, { name: 'Nederlands in de zorg', status: 'active' }).catch(() =>
      post('platform admin', `/api/v1/admin/partners/${partnerId}/offers`, { name: 'Nederlands in de zorg' }),
    );
    addToPool('', 'offerId', offer.id);
    type CreatedClient = { client: { clientId: string }; clientSecret: string };
    // One spare client to rotate and revoke, another whose credentials the token endpoint gets.
    const spareClient = (await post('platform admin', `/api/v1/admin/partners/${partnerId}/clients`, { name: 'spare', scopes: [...PARTNER_SCOPES] })) as unknown as CreatedClient;
    addToPool('', 'clientId', spareClient.client.clientId);
    const tokenClient = (await post('platform admin', `/api/v1/admin/partners/${partnerId}/clients`, { name: 'token', scopes: [...PARTNER_SCOPES] })) as unknown as CreatedClient;
    addToPool('', 'client_id', tokenClient.client.clientId);
    addToPool('', 'client_secret', tokenClient.clientSecret);
    addToPool('', 'endpointId', (await post('partner client', '/api/v1/partner/webhooks', { url: 'https://hooks.example.com/partner', eventTypes: ['referral.created'] })).id);

    for (const [region, counsellor, coordinator] of [
      [regionA, 'counsellor A', 'coordinator A'],
      [regionB, 'counsellor B', 'counsellor B'],
    ] as const) {
      const base = `/api/v1/regions/${region.slug}`;
      const spare = await ctx.newUser({ regions: { [region.slug]: 'counsellor' } });
      addToPool(region.slug, 'userId', spare.id);
      // Sign-ins may succeed (and failures lock only this spare account).
      addToPool(region.slug, 'email', spare.email);
      addToPool(region.slug, 'password', TEST_PASSWORD);
      addToPool(region.slug, 'counsellorId', spare.id);
      addToPool(region.slug, 'counsellorId', users.get(counsellor)?.id ?? '');
      if (coordinator === 'coordinator A') {
        addToPool(region.slug, 'organisationId', (await post(coordinator, `${base}/organisations`, { name: 'Leerwinkel Brugge' })).id);
        addToPool(region.slug, 'endpointId', (await post(coordinator, `${base}/webhooks`, { url: 'https://hooks.example.com/region', eventTypes: ['referral.status_changed'] })).id);
      }
      // Erasure needs four eyes: requested by another coordinator, coordinator A may confirm it.
      const requester = coordinator === 'coordinator A' ? (await signIn(app, await ctx.newUser({ regions: { [region.slug]: 'coordinator' } }))).authorization : undefined;
      for (let index = 0; index < 3; index++) {
        const learner = await post(counsellor, `${base}/learners`, {
          firstName: 'Samira',
          lastName: `Fuzz${index}${region.slug}`,
          dateOfBirth: `198${index}-0${index + 1}-1${index}`,
          gender: 'female',
          email: `samira${index}@voorbeeld.be`,
          nativeLanguage: 'ar',
          targetGroups: ['low_qualified'],
          dutchLevel: 'A2',
          educationLevel: 'isced_2',
          employmentStatus: 'job_seeker',
          referralSource: 'self',
          confirmNewPerson: true,
        });
        addToPool(region.slug, 'learnerId', learner.id);
        const kase = await post(counsellor, `${base}/cases`, { learnerId: learner.id, kind: 'guidance', learningQuestion: 'Wil een opleiding volgen.' });
        addToPool(region.slug, 'caseId', kase.id);
        const consent = await post(counsellor, `${base}/learners/${learner.id}/consents`, { purpose: 'partner_sharing', partnerId, textVersion: 'v1' });
        addToPool(region.slug, 'consentId', consent.id);
        addToPool(region.slug, 'itemId', (await post(counsellor, `${base}/cases/${kase.id}/action-items`, { task: 'Inschrijven', owner: 'learner' })).id);
        const referral = await post(counsellor, `${base}/cases/${kase.id}/referrals`, {
          partnerId,
          offerId: offer.id,
          share: { contactData: true, learningQuestion: true, educationLevel: true, dutchLevel: true },
        });
        addToPool(region.slug, 'referralId', referral.id);
        addToPool('', 'referralId', referral.id);
        await post('partner client', `/api/v1/partner/referrals/${referral.id}/transitions`, { to: 'received' });
        if (index < 2 && requester !== undefined) {
          const erasure = await request(server()).post(`${base}/learners/${learner.id}/erasure-requests`).set('authorization', requester).send({ ground: 'objection' }).expect(201);
          addToPool(region.slug, 'requestId', (erasure.body as { id: string }).id);
        }
      }
      const registration = await post('partner client', `/api/v1/partner/regions/${region.slug}/registrations`, {
        learner: { firstName: 'Jonas', lastName: `Aangemeld${region.slug}`, dateOfBirth: '1990-05-06' },
        consentReference: 'intake-form-7',
      });
      addToPool(region.slug, 'registrationId', registration.id);
    }
    // The events above become deliveries when the dispatcher fans them out (its job queue does not run here).
    await ctx.owner.transaction((manager) => app.get(WebhooksRepository).fanOut(manager, 1000));
    const endpoints: [string, string, PrincipalName][] = [
      ['', `/api/v1/partner/webhooks/${pools.get('')?.get('endpointId')?.[0] ?? ''}`, 'partner client'],
      [regionA.slug, `/api/v1/regions/${regionA.slug}/webhooks/${pools.get(regionA.slug)?.get('endpointId')?.[0] ?? ''}`, 'coordinator A'],
    ];
    for (const [scope, endpoint, principal] of endpoints) {
      const deliveries = await request(server()).get(`${endpoint}/deliveries`).set(as(principal)).expect(200);
      for (const delivery of (deliveries.body as { items: { id: string }[] }).items) addToPool(scope, 'deliveryId', delivery.id);
    }
    if ((pools.get('')?.get('deliveryId') ?? []).length === 0 || (pools.get(regionA.slug)?.get('deliveryId') ?? []).length === 0) throw new Error('seeding made no webhook deliveries');
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    [regionA, regionB] = await Promise.all([ctx.newRegion(), ctx.newRegion()]);
    app = await ctx.newApp({
      poolSize: CONCURRENCY + 2,
      env: {
        RATE_LIMIT_PER_MINUTE: '1000000',
        LOGIN_RATE_LIMIT_PER_MINUTE_PER_IP: '1000000',
        LOGIN_RATE_LIMIT_PER_MINUTE_PER_ACCOUNT: '1000000',
      },
    });
    const partner = await ctx.newPartner();
    users.set('counsellor A', await ctx.newUser({ regions: { [regionA.slug]: 'counsellor' } }));
    users.set('coordinator A', await ctx.newUser({ regions: { [regionA.slug]: 'coordinator' } }));
    users.set('counsellor B', await ctx.newUser({ regions: { [regionB.slug]: 'counsellor' } }));
    users.set('analyst', await ctx.newUser({ centralRole: 'analyst' }));
    users.set('platform admin', await ctx.newUser({ centralRole: 'platform_admin' }));
    users.set('partner user', await ctx.newUser({ partnerId: partner.id }));
    headers.set('anonymous', {});
    for (const [name, user] of users) headers.set(name, { authorization: (await signIn(app, user)).authorization });
    const created = await request(server())
      .post(`/api/v1/admin/partners/${partner.id}/clients`)
      .set(headers.get('platform admin') ?? {})
      .send({ name: 'fuzzer', scopes: [...PARTNER_SCOPES] })
      .expect(201);
    const { client, clientSecret } = created.body as { client: { clientId: string }; clientSecret: string };
    partnerClientCredentials = { clientId: client.clientId, clientSecret };
    await signInAll();
    await seed();
  });
  afterAll(async () => {
    await ctx.close();
  });

  function operations(): FuzzOperation[] {
    const matrix = documentedMatrix();
    return Object.entries(document.paths).flatMap(([template, byMethod]) =>
      (['get', 'post', 'patch', 'delete'] as const).flatMap((method) => {
        const operation = byMethod[method];
        if (operation === undefined) return [];
        const route = `${method.toUpperCase()} ${template}`;
        return [{ route, method, template, operation, allowed: [...(matrix.get(route) ?? [])] }];
      }),
    );
  }

  function bodyArbitrary(operation: Operation, ids: IdPools): fc.Arbitrary<Body> {
    const content = operation.requestBody?.content ?? {};
    const form = content['application/x-www-form-urlencoded']?.schema;
    if (form !== undefined) {
      const asForm = (value: unknown): Record<string, string> =>
        Object.fromEntries(Object.entries(typeof value === 'object' && value !== null ? value : { value }).map(([key, field]) => [key, typeof field === 'string' ? field : JSON.stringify(field)]));
      return fc.oneof(
        { arbitrary: validObject(document, form, ids).map((value): Body => ({ kind: 'form', value: asForm(value) })), weight: 3 },
        { arbitrary: malformedObject(document, form, ids).map((value): Body => ({ kind: 'form', value: asForm(value) })), weight: 2 },
        { arbitrary: rawBody(), weight: 1 },
      );
    }
    const json = content['application/json']?.schema;
    if (json === undefined) {
      return fc.oneof({ arbitrary: fc.constant<Body>({ kind: 'none' }), weight: 4 }, { arbitrary: fc.jsonValue({ maxDepth: 2 }).map((value): Body => ({ kind: 'json', value })), weight: 1 });
    }
    return fc.oneof(
      { arbitrary: validObject(document, json, ids).map((value): Body => ({ kind: 'json', value })), weight: 6 },
      { arbitrary: malformedObject(document, json, ids).map((value): Body => ({ kind: 'json', value })), weight: 3 },
      { arbitrary: rawBody(), weight: 1 },
    );
  }

  /** Bodies that are not what the route reads: malformed JSON, other media types, nothing, too much. */
  function rawBody(): fc.Arbitrary<Body> {
    return fc.oneof(
      fc.constantFrom('{', '{"a":', '[1,2', '{"a":1}}', 'nul', '\u0000', '{"a":"\\ud800"}', '{"a":1,"a":2}', '').map((text): Body => ({ kind: 'raw', contentType: 'application/json', text })),
      fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/x-www-form-urlencoded').map(
        (contentType): Body => ({ kind: 'raw', contentType, text: contentType.includes('form') ? 'a=1&b[c]=2&__proto__[x]=1' : '<a>1</a>' }),
      ),
      fc.constant<Body>({ kind: 'raw', contentType: 'application/json', text: JSON.stringify({ note: 'z'.repeat(200_000) }) }),
    );
  }

  function headerArbitrary(operation: Operation): fc.Arbitrary<Record<string, string>> {
    const names = new Set((operation.parameters ?? []).filter((parameter) => parameter.in === 'header').map((parameter) => parameter.name));
    const ifMatch = names.has('If-Match')
      ? fc.option(fc.oneof({ arbitrary: fc.integer({ min: 1, max: 4 }).map((version) => `"${version}"`), weight: 4 }, fc.constantFrom('*', 'W/"1"', '1', '"99999999999"', '"-1"', '""', 'garbage')), {
          freq: 2,
        })
      : fc.constant(null);
    const idempotencyKey = names.has('Idempotency-Key')
      ? fc.option(fc.oneof({ arbitrary: fc.uuid(), weight: 4 }, fc.constantFrom('', ' ', 'k'.repeat(300), 'reused-key')))
      : fc.constant(null);
    // The token endpoint also takes HTTP Basic credentials (RFC 6749 §2.3.1: both parts form-encoded).
    const basic = operation.requestBody?.content['application/x-www-form-urlencoded']
      ? fc.option(
          fc.oneof(
            fc.constantFrom('%ZZ:secret', 'lwc_x:%', 'no-colon', ':', '\u0000:\u0000', 'lwc_\u0000:x').map((pair) => `Basic ${Buffer.from(pair).toString('base64')}`),
            fc.constantFrom('Basic', 'Basic !!!', 'Bearer x', 'Basic ' + 'A'.repeat(5000)),
          ),
          { freq: 3 },
        )
      : fc.constant(null);
    return fc.tuple(ifMatch, idempotencyKey, basic).map(([match, key, authorization]) => ({
      ...(match === null ? {} : { 'if-match': match }),
      ...(key === null ? {} : { 'idempotency-key': key }),
      ...(authorization === null ? {} : { authorization }),
    }));
  }

  function requestArbitrary(target: FuzzOperation): fc.Arbitrary<FuzzRequest> {
    const principals = target.allowed.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...target.allowed), weight: 6 }, fc.constantFrom(...PRINCIPALS)) : fc.constantFrom(...PRINCIPALS);
    return fc.tuple(principals, fc.integer({ min: 0, max: 9 }).map((draw) => draw === 0)).chain(([principal, crossRegion]) => {
      const ids = poolsFor(principal, crossRegion);
      const parameters = target.operation.parameters ?? [];
      const pathParameters = parameters.filter((parameter) => parameter.in === 'path');
      const queryParameters = parameters.filter((parameter) => parameter.in === 'query');
      const segments = fc.tuple(...pathParameters.map((parameter) => pathSegment(document, parameter.schema, PATH_POOLS[parameter.name] ?? parameter.name, ids)));
      const query = fc.tuple(...queryParameters.map((parameter) => fc.option(queryValue(document, parameter.schema, parameter.name, ids), { freq: 2 })));
      return fc.tuple(segments, query, headerArbitrary(target.operation), bodyArbitrary(target.operation, ids)).map(([values, queryValues, extraHeaders, body]): FuzzRequest => {
        let url = target.template;
        pathParameters.forEach((parameter, index) => {
          url = url.replace(`{${parameter.name}}`, values[index] ?? '');
        });
        const search = queryParameters.flatMap((parameter, index) => {
          const value = queryValues[index];
          if (value === null || value === undefined) return [];
          return [value].flat().map((text) => `${percentEncode(parameter.name)}=${percentEncode(text)}`);
        });
        return { route: target.route, principal, url: search.length > 0 ? `${url}?${search.join('&')}` : url, headers: extraHeaders, body };
      });
    });
  }

  async function send(fuzz: FuzzRequest, method: Method): Promise<request.Response> {
    const call = request(server())[method](fuzz.url).set({ ...headers.get(fuzz.principal), ...fuzz.headers });
    switch (fuzz.body.kind) {
      case 'none':
        return call;
      case 'json':
        return call.set('content-type', 'application/json').send(JSON.stringify(fuzz.body.value));
      case 'form':
        return call.type('form').send(fuzz.body.value);
      case 'raw':
        return call.set('content-type', fuzz.body.contentType).send(fuzz.body.text);
    }
  }

  /** Why the answer breaks a property (empty when it holds). */
  function problemsWith(target: FuzzOperation, response: request.Response): string[] {
    const status = response.status;
    const contentType = response.type;
    if (status >= 500) return [`${status} server error: ${response.text.slice(0, 300)}`];
    if (status >= 400) {
      if (target.route === 'POST /api/v1/auth/token' && contentType.startsWith('application/json')) {
        // RFC 6749 §5.2: the token endpoint answers OAuth errors ({ error, error_description }) as application/json.
        return typeof (response.body as { error?: unknown }).error === 'string' ? [] : [`${status} token error without an OAuth "error"`];
      }
      if (!contentType.startsWith('application/problem+json')) return [`${status} with content-type "${contentType}", not problem+json`];
      const problem = response.body as { status?: unknown; code?: unknown; errors?: unknown };
      const problems = validateAgainstSchema(document, { $ref: '#/components/schemas/ProblemDto' }, response.body).map((line) => `${status} problem: ${line}`);
      if (problem.status !== status) problems.push(`${status} problem with status ${String(problem.status)}`);
      if (status === 400 && problem.code === 'VALIDATION.FAILED' && (!Array.isArray(problem.errors) || problem.errors.length === 0)) problems.push('400 validation failure without errors[]');
      return problems;
    }
    const documented = target.operation.responses[String(status)];
    if (documented === undefined) return [`${status} is not a documented answer (documented: ${Object.keys(target.operation.responses).join(', ')})`];
    const content = documented.content ?? {};
    const mediaTypes = Object.keys(content);
    if (mediaTypes.length === 0) return response.text === '' || status !== 204 ? [] : [`${status} with a body: ${response.text.slice(0, 100)}`];
    const mediaType = mediaTypes.find((type) => contentType.startsWith(type));
    if (mediaType === undefined) return [`${status} with content-type "${contentType}", documented: ${mediaTypes.join(', ')}`];
    const schema: Schema | undefined = content[mediaType]?.schema;
    if (mediaType !== 'application/json' || schema === undefined) return [];
    return validateAgainstSchema(document, schema, response.body).map((line) => `${status} body: ${line}`);
  }

  /** Ids from 2xx answers join the pools, so later requests reach records the fuzzer created. */
  function harvest(target: FuzzOperation, fuzz: FuzzRequest, response: request.Response): void {
    if (response.status >= 300 || typeof response.body !== 'object' || response.body === null) return;
    const literal = target.template.split('/').filter((segment) => !segment.startsWith('{')).at(-1) ?? '';
    const pool = POOL_OF_COLLECTION[literal];
    if (pool === undefined) return;
    const scope = /^\/api\/v1\/regions\/([^/?]+)/.exec(fuzz.url)?.[1] ?? '';
    const body = response.body as { id?: unknown; items?: unknown };
    const records = Array.isArray(body.items) ? (body.items as unknown[]) : [body];
    for (const record of records) {
      const id = (record as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) addToPool(scope, pool, id);
    }
  }

  it(`answers ${RUNS} generated requests without a 5xx, with problem+json 4xx and documented 2xx (seed ${SEED})`, async () => {
    const targets = operations();
    expect(targets.length).toBeGreaterThan(90);
    const methodOf = new Map(targets.map((target) => [target.route, target] as const));
    const failures: string[] = [];
    const statuses = new Map<string, Map<number, number>>();
    /** Time spent per route (printed, never asserted: it shows where a slow run goes). */
    const busy = new Map<string, number>();
    /** Why requests were refused, per route: shows which operations the generator rarely gets through. */
    const refusals = new Map<string, Map<string, number>>();
    let sent = 0;

    const batch = fc.array(fc.constantFrom(...targets).chain((target) => requestArbitrary(target)), { minLength: CONCURRENCY, maxLength: CONCURRENCY });
    await fc.assert(
      fc.asyncProperty(batch, async (requests) => {
        if (Date.now() - signedInAt > TOKEN_REFRESH_MS) await signInAll();
        await Promise.all(
          requests.map(async (fuzz) => {
            const target = methodOf.get(fuzz.route);
            if (target === undefined) throw new Error(`unknown route ${fuzz.route}`);
            const started = performance.now();
            const response = await send(fuzz, target.method);
            busy.set(fuzz.route, (busy.get(fuzz.route) ?? 0) + performance.now() - started);
            sent++;
            const byStatus = statuses.get(fuzz.route) ?? new Map<number, number>();
            byStatus.set(response.status, (byStatus.get(response.status) ?? 0) + 1);
            statuses.set(fuzz.route, byStatus);
            if (response.status >= 400) {
              const refusal = response.body as { code?: string; errors?: { field?: string }[] };
              const reason = `${response.status} ${refusal.code ?? ''} ${refusal.errors?.[0]?.field ?? ''}`.trim();
              const byReason = refusals.get(fuzz.route) ?? new Map<string, number>();
              byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
              refusals.set(fuzz.route, byReason);
            }
            const problems = problemsWith(target, response);
            if (problems.length > 0) {
              const body = fuzz.body.kind === 'none' ? '' : JSON.stringify(fuzz.body).slice(0, 400);
              failures.push(`${fuzz.route} as ${fuzz.principal}: ${target.method.toUpperCase()} ${fuzz.url.slice(0, 300)} ${JSON.stringify(fuzz.headers)} ${body}\n    → ${problems.slice(0, 5).join('\n    → ')}`);
            }
            harvest(target, fuzz, response);
          }),
        );
      }),
      { numRuns: Math.ceil(RUNS / CONCURRENCY), seed: SEED, endOnFailure: true },
    );

    const summary = [...statuses.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([route, byStatus]) => `${route}: ${[...byStatus.entries()].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(' ')}`);
    const twoHundreds = [...statuses.values()].reduce((total, byStatus) => total + [...byStatus].filter(([status]) => status < 300).reduce((sum, [, count]) => sum + count, 0), 0);
    const slowest = [...busy.entries()]
      .sort(([, a], [, b]) => b - a)
      .slice(0, 5)
      .map(([route, ms]) => `${route} ${Math.round(ms)} ms`);
    const neverThrough = [...statuses.entries()]
      .filter(([, byStatus]) => ![...byStatus.keys()].some((status) => status < 300))
      .map(([route]) => {
        const reasons = [...(refusals.get(route) ?? new Map<string, number>()).entries()].sort(([, a], [, b]) => b - a).slice(0, 3);
        return `${route}: ${reasons.map(([reason, count]) => `${reason} ×${count}`).join(', ')}`;
      });
    process.stdout.write(
      `fuzz: ${sent} requests, ${twoHundreds} 2xx checked against the schema, ${failures.length} failures, seed ${SEED}\n${summary.join('\n')}\n` +
        `no 2xx (top refusals): ${neverThrough.length === 0 ? 'none' : `\n${neverThrough.join('\n')}`}\nmost time: ${slowest.join('; ')}\n`,
    );
    expect(sent).toBeGreaterThanOrEqual(RUNS);
    if (failures.length > 0) throw new Error(`${failures.length} requests broke a property (replay with FUZZ_SEED=${SEED}):\n${[...new Set(failures)].slice(0, 60).join('\n')}`);
    expect(statuses.size).toBe(targets.length);
  }, RUNS * 100);
});
