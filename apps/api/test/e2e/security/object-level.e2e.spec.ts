import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { REPO_ROOT } from '../../../src/config/config.js';
import type { ProvisionedRegion } from '../../../src/tenancy/region-provisioner.js';
import { ownTestDatabase } from '../../support/own-database.js';
import { createTestContext, signIn, type TestContext } from '../../support/test-context.js';
import { createClient, partnerWithClient } from './partner-client.js';

/**
 * OWASP API1 (broken object-level authorization), driven by the committed OpenAPI document: every route with
 * an id in its path is called by a principal of region A / partner A with ids that belong to region B /
 * partner B (and, where a route nests ids, with a child of another parent of A's own), and must answer
 * 404 or 403 and change nothing. A new route with an id is covered automatically, or must be listed below
 * with the reason it needs no check. Body fields holding ids get the same treatment.
 */

type Method = 'get' | 'post' | 'patch' | 'delete' | 'put';
interface Operation {
  method: Method;
  path: string;
  params: string[];
}

/** Path parameters that are not object ids (the region is checked by membership: permissions.e2e). */
const NOT_IDS = new Set(['region', 'slug']);

/** Routes with an id in the path that need no ownership check, and why. */
const NO_OWNERSHIP_CHECK: Record<string, string> = {
  'POST /api/v1/partner/regions/{region}/registrations':
    'a partner may register a person with any active region; the region reviews it (no id of anyone else is read)',
  'PATCH /api/v1/admin/partners/{partnerId}': 'platform admins manage every partner',
  'GET /api/v1/admin/partners/{partnerId}/clients': 'platform admins manage the clients of every partner',
  'POST /api/v1/admin/partners/{partnerId}/clients': 'platform admins manage the clients of every partner',
  'POST /api/v1/admin/partners/{partnerId}/offers': 'platform admins manage the offers of every partner',
  'POST /api/v1/admin/partners/{partnerId}/users': 'platform admins invite the people of every partner',
  'PATCH /api/v1/admin/users/{userId}': 'platform admins manage every account',
  'POST /api/v1/admin/regions/{slug}/coordinators': 'platform admins appoint the coordinators of every region',
};

/** A valid body (and headers) per write route, so that the request passes validation and reaches the ownership check. */
function bodyFor(route: string, ids: { partnerA: string }): { body?: object; headers?: Record<string, string> } {
  const ifMatch = { 'if-match': '"1"' };
  const bodies: Record<string, { body?: object; headers?: Record<string, string> }> = {
    'PATCH /api/v1/regions/{region}/learners/{learnerId}': { body: { municipality: 'Brugge' }, headers: ifMatch },
    'POST /api/v1/regions/{region}/learners/{learnerId}/consents': {
      body: { purpose: 'partner_sharing', partnerId: ids.partnerA, textVersion: 'v1' },
    },
    'POST /api/v1/regions/{region}/learners/{learnerId}/consents/{consentId}/withdraw': { body: {} },
    'POST /api/v1/regions/{region}/learners/{learnerId}/erasure-requests': { body: { ground: 'other' } },
    'POST /api/v1/regions/{region}/learners/{learnerId}/restriction': { body: { reason: 'Bezwaar tegen verwerking' } },
    'DELETE /api/v1/regions/{region}/learners/{learnerId}/restriction': {},
    'PATCH /api/v1/regions/{region}/cases/{caseId}': { body: { goal: 'Werk vinden' }, headers: ifMatch },
    'POST /api/v1/regions/{region}/cases/{caseId}/action-items': { body: { task: 'Inschrijven', owner: 'learner' } },
    'PATCH /api/v1/regions/{region}/cases/{caseId}/action-items/{itemId}': { body: { done: true }, headers: ifMatch },
    'POST /api/v1/regions/{region}/cases/{caseId}/contacts': {
      body: {
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        durationMinutes: 30,
        channel: 'phone',
        kind: 'guidance',
      },
    },
    'POST /api/v1/regions/{region}/cases/{caseId}/offer-gaps': { body: { theme: 'digital_skills' } },
    'POST /api/v1/regions/{region}/cases/{caseId}/referrals': {
      body: {
        partnerId: ids.partnerA,
        share: { contactData: false, learningQuestion: false, educationLevel: false, dutchLevel: false },
      },
    },
    'POST /api/v1/regions/{region}/cases/{caseId}/transitions': { body: { to: 'intake' } },
    'POST /api/v1/regions/{region}/erasure-requests/{requestId}/cancel': { body: {} },
    'POST /api/v1/regions/{region}/erasure-requests/{requestId}/confirm': { body: {} },
    'PATCH /api/v1/regions/{region}/members/{userId}': { body: { role: 'coordinator' } },
    'POST /api/v1/regions/{region}/referrals/{referralId}/transitions': { body: { to: 'withdrawn' } },
    'POST /api/v1/regions/{region}/registrations/{registrationId}/accept': {
      body: { kind: 'info', confirmNewPerson: true },
    },
    'PATCH /api/v1/regions/{region}/webhooks/{endpointId}': { body: { enabled: false }, headers: ifMatch },
    'DELETE /api/v1/regions/{region}/webhooks/{endpointId}': {},
    'POST /api/v1/regions/{region}/webhooks/{endpointId}/rotate-secret': { body: {} },
    'POST /api/v1/regions/{region}/webhooks/{endpointId}/deliveries/{deliveryId}/replay': { body: {} },
    'POST /api/v1/partner/referrals/{referralId}/transitions': { body: { to: 'received' } },
    'PATCH /api/v1/partner/webhooks/{endpointId}': { body: { enabled: false }, headers: ifMatch },
    'DELETE /api/v1/partner/webhooks/{endpointId}': {},
    'POST /api/v1/partner/webhooks/{endpointId}/rotate-secret': { body: {} },
    'POST /api/v1/partner/webhooks/{endpointId}/deliveries/{deliveryId}/replay': { body: {} },
    'PATCH /api/v1/admin/partners/{partnerId}/offers/{offerId}': { body: { name: 'Nederlands 2.1' }, headers: ifMatch },
    'POST /api/v1/admin/partners/{partnerId}/clients/{clientId}/rotate-secret': { body: {} },
    'DELETE /api/v1/admin/partners/{partnerId}/clients/{clientId}': {},
  };
  const sample = bodies[route];
  if (!sample && !route.startsWith('GET '))
    throw new Error(`${route}: add a valid body sample to object-level.e2e.spec.ts`);
  return sample ?? {};
}

function operationsWithIds(): Operation[] {
  const doc = JSON.parse(readFileSync(path.join(REPO_ROOT, 'apps', 'api', 'openapi.json'), 'utf8')) as {
    paths: Record<string, Partial<Record<Method, unknown>>>;
  };
  return Object.entries(doc.paths)
    .flatMap(([route, item]) =>
      (Object.keys(item) as Method[]).map((method) => ({
        method,
        path: route,
        params: [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''),
      })),
    )
    .filter((op) => op.params.some((p) => !NOT_IDS.has(p)));
}

/** Who calls a route, and which ids are theirs (own), someone else's (foreign) or another parent's child (sibling). */
interface Realm {
  auth: string;
  own: Record<string, string>;
  foreign: Record<string, string[]>;
  siblings: Record<string, string[]>;
}

describe('OWASP API1: object-level authorization (ids of another region or partner)', () => {
  let ctx: TestContext;
  let app: NestExpressApplication;
  let regionA: ProvisionedRegion;
  let regionB: ProvisionedRegion;
  const realms = new Map<string, Realm>();
  const ids: Record<string, string> = {};
  const server = () => app.getHttpServer();

  const call = (method: Method, url: string, auth: string) => request(server())[method](url).set('authorization', auth);

  /** A learner with a case, a partner_sharing consent and an action item in a region. */
  async function learnerWithCase(
    auth: string,
    slug: string,
    partnerId: string,
    n: number,
  ): Promise<{ learnerId: string; caseId: string; consentId: string; itemId: string }> {
    const base = `/api/v1/regions/${slug}`;
    const learner = (
      await call('post', `${base}/learners`, auth)
        .send({
          firstName: 'Noor',
          lastName: `Objectniveau${String(n)}`,
          dateOfBirth: `198${String(n)}-04-1${String(n)}`,
          gender: 'female',
          email: `noor${String(n)}@voorbeeld.be`,
          nativeLanguage: 'nl',
          dutchLevel: 'native',
          educationLevel: 'isced_3',
          employmentStatus: 'employed',
          targetGroups: [],
          referralSource: 'self',
          confirmNewPerson: true,
        })
        .expect(201)
    ).body as { id: string };
    const kase = (
      await call('post', `${base}/cases`, auth)
        .send({ learnerId: learner.id, kind: 'guidance', learningQuestion: 'Boekhouding leren' })
        .expect(201)
    ).body as { id: string };
    const consent = (
      await call('post', `${base}/learners/${learner.id}/consents`, auth)
        .send({ purpose: 'partner_sharing', partnerId, textVersion: 'v1' })
        .expect(201)
    ).body as { id: string };
    const item = (
      await call('post', `${base}/cases/${kase.id}/action-items`, auth)
        .send({ task: 'Cv opmaken', owner: 'learner' })
        .expect(201)
    ).body as { id: string };
    return { learnerId: learner.id, caseId: kase.id, consentId: consent.id, itemId: item.id };
  }

  async function webhookWithDelivery(
    auth: string,
    base: string,
    owner: { regionId?: string; partnerId?: string; eventRegion: string; eventPartner: string },
  ): Promise<{ endpointId: string; deliveryId: string }> {
    const endpoint = (
      await call('post', `${base}/webhooks`, auth)
        .send({ url: 'http://127.0.0.1:9/hook', eventTypes: ['referral.created'] })
        .expect(201)
    ).body as { id: string };
    const [event] = await ctx.owner.query<[{ id: string }]>(
      "INSERT INTO exchange.webhook_event (type, region_id, partner_id, payload) VALUES ('referral.created', $1, $2, '{}') RETURNING id",
      [owner.eventRegion, owner.eventPartner],
    );
    const [delivery] = await ctx.owner.query<[{ id: string }]>(
      "INSERT INTO exchange.webhook_delivery (event_id, endpoint_id, region_id, partner_id, status, attempts) VALUES ($1, $2, $3, $4, 'failed', 3) RETURNING id",
      [event.id, endpoint.id, owner.regionId ?? null, owner.partnerId ?? null],
    );
    return { endpointId: endpoint.id, deliveryId: delivery.id };
  }

  async function registration(token: string, slug: string, n: number): Promise<string> {
    const person = {
      firstName: 'Yusuf',
      lastName: `Registratie${String(n)}`,
      dateOfBirth: '1990-02-02',
      nativeLanguage: 'tr',
    };
    return (
      (
        await call('post', `/api/v1/partner/regions/${slug}/registrations`, token)
          .send({ learner: person, consentReference: 'Formulier v3' })
          .expect(201)
      ).body as { id: string }
    ).id;
  }

  /** A digest of everything regions A and B, partners A and B hold (as the owner: RLS does not apply). */
  async function fingerprint(): Promise<Record<string, string>> {
    const regionIds = [regionA.id, regionB.id];
    const partnerIds = [ids.partnerA, ids.partnerB, ids.localPartnerB];
    const digest = async (sql: string, params: unknown[] = []) =>
      (await ctx.owner.query<[{ d: string }]>(sql, params))[0].d;
    const result: Record<string, string> = {};
    for (const schema of [regionA.schemaName, regionB.schemaName]) {
      const tables = await ctx.owner.query<{ table_name: string }[]>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1",
        [schema],
      );
      for (const { table_name: table } of tables) {
        result[`${schema}.${table}`] = await digest(
          `SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS d FROM "${schema}"."${table}" t`,
        );
      }
    }
    const shared = await ctx.owner.query<{ table_schema: string; table_name: string; columns: string[] }[]>(
      `SELECT table_schema, table_name, array_agg(column_name::text) AS columns FROM information_schema.columns
        WHERE table_schema IN ('platform', 'exchange') AND column_name IN ('region_id', 'partner_id', 'owner_region_id')
          AND table_name NOT IN ('audit_event', 'idempotency_key') GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    for (const { table_schema: schema, table_name: table, columns } of shared) {
      const where = columns
        .map((column) => (column === 'partner_id' ? 'partner_id = ANY($2::uuid[])' : `${column} = ANY($1::uuid[])`))
        .join(' OR ');
      result[`${schema}.${table}`] = await digest(
        `SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS d FROM ${schema}.${table} t WHERE (${where}) AND cardinality($1::uuid[]) + cardinality($2::uuid[]) > 0`,
        [regionIds, partnerIds],
      );
    }
    result['platform.partner'] = await digest(
      "SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS d FROM platform.partner t WHERE id = ANY($1)",
      [partnerIds],
    );
    return result;
  }

  beforeAll(async () => {
    // A database of its own: "changes nothing" compares whole rows of shared tables (webhook events and
    // deliveries among them), which the job queue of another test file's API process (the webhook relay fans out
    // every region's events) would change mid-test in the shared database.
    ctx = await createTestContext({ databaseUrl: await ownTestDatabase('lw_object_level_test') });
    [regionA, regionB] = await Promise.all([ctx.newRegion(), ctx.newRegion()]);
    app = await ctx.newApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE_PER_IP: '1000' } });
    const admin = (await signIn(app, await ctx.newUser({ centralRole: 'platform_admin' }))).authorization;
    const coordinatorA = (await signIn(app, await ctx.newUser({ regions: { [regionA.slug]: 'coordinator' } })))
      .authorization;
    const coordinatorB = (await signIn(app, await ctx.newUser({ regions: { [regionB.slug]: 'coordinator' } })))
      .authorization;
    const memberA = await ctx.newUser({ regions: { [regionA.slug]: 'counsellor' } });
    const memberB = await ctx.newUser({ regions: { [regionB.slug]: 'counsellor' } });
    const partnerA = await partnerWithClient(server(), admin, `Objectniveau A ${String(Date.now())}`);
    const partnerB = await partnerWithClient(server(), admin, `Objectniveau B ${String(Date.now())}`);
    const extraClientB = await createClient(server(), admin, partnerB.id, ['referrals:read'], 'tweede');
    const localB = (
      await call('post', `/api/v1/regions/${regionB.slug}/partners`, coordinatorB)
        .send({ name: `Lokaal B ${String(Date.now())}`, type: 'cvo' })
        .expect(201)
    ).body as { id: string };
    const offer = async (partnerId: string) =>
      (
        (
          await call('post', `/api/v1/admin/partners/${partnerId}/offers`, admin)
            .send({ name: 'Nederlands 1.1' })
            .expect(201)
        ).body as { id: string }
      ).id;
    Object.assign(ids, { partnerA: partnerA.id, partnerB: partnerB.id, localPartnerB: localB.id });
    const organisationB = (
      (
        await call('post', `/api/v1/regions/${regionB.slug}/organisations`, coordinatorB)
          .send({ name: 'Organisatie B' })
          .expect(201)
      ).body as { id: string }
    ).id;

    const a1 = await learnerWithCase(coordinatorA, regionA.slug, partnerA.id, 1);
    const a2 = await learnerWithCase(coordinatorA, regionA.slug, partnerA.id, 2);
    const b1 = await learnerWithCase(coordinatorB, regionB.slug, partnerB.id, 3);
    const share = { contactData: true, learningQuestion: true, educationLevel: true, dutchLevel: true };
    const referralA = (
      (
        await call('post', `/api/v1/regions/${regionA.slug}/cases/${a1.caseId}/referrals`, coordinatorA)
          .send({ partnerId: partnerA.id, share })
          .expect(201)
      ).body as { id: string }
    ).id;
    const referralB = (
      (
        await call('post', `/api/v1/regions/${regionB.slug}/cases/${b1.caseId}/referrals`, coordinatorB)
          .send({ partnerId: partnerB.id, share })
          .expect(201)
      ).body as { id: string }
    ).id;
    const registrationA = await registration(partnerA.token, regionA.slug, 1);
    const registrationB = await registration(partnerB.token, regionB.slug, 2);
    const erasure = async (auth: string, slug: string, learnerId: string) =>
      (
        (
          await call('post', `/api/v1/regions/${slug}/learners/${learnerId}/erasure-requests`, auth)
            .send({ ground: 'other' })
            .expect(201)
        ).body as { id: string }
      ).id;
    const requestA = await erasure(coordinatorA, regionA.slug, a2.learnerId);
    const requestB = await erasure(coordinatorB, regionB.slug, b1.learnerId);
    const regionHook = (auth: string, region: ProvisionedRegion, partnerId: string) =>
      webhookWithDelivery(auth, `/api/v1/regions/${region.slug}`, {
        regionId: region.id,
        eventRegion: region.id,
        eventPartner: partnerId,
      });
    const partnerHook = (token: string, partnerId: string, regionId: string) =>
      webhookWithDelivery(token, '/api/v1/partner', { partnerId, eventRegion: regionId, eventPartner: partnerId });
    const hookA1 = await regionHook(coordinatorA, regionA, partnerA.id);
    const hookA2 = await regionHook(coordinatorA, regionA, partnerA.id);
    const hookB = await regionHook(coordinatorB, regionB, partnerB.id);
    const hookPA1 = await partnerHook(partnerA.token, partnerA.id, regionA.id);
    const hookPA2 = await partnerHook(partnerA.token, partnerA.id, regionA.id);
    const hookPB = await partnerHook(partnerB.token, partnerB.id, regionB.id);

    realms.set('region', {
      auth: coordinatorA,
      own: {
        region: regionA.slug,
        learnerId: a1.learnerId,
        caseId: a1.caseId,
        consentId: a1.consentId,
        itemId: a1.itemId,
        referralId: referralA,
        registrationId: registrationA,
        requestId: requestA,
        endpointId: hookA1.endpointId,
        deliveryId: hookA1.deliveryId,
        userId: memberA.id,
      },
      foreign: {
        learnerId: [b1.learnerId],
        caseId: [b1.caseId],
        consentId: [b1.consentId],
        itemId: [b1.itemId],
        referralId: [referralB],
        registrationId: [registrationB],
        requestId: [requestB],
        endpointId: [hookB.endpointId, hookPA1.endpointId],
        deliveryId: [hookB.deliveryId, hookPA1.deliveryId],
        userId: [memberB.id],
      },
      siblings: {
        learnerId: [a2.learnerId],
        caseId: [a2.caseId],
        consentId: [a2.consentId],
        itemId: [a2.itemId],
        endpointId: [hookA2.endpointId],
        deliveryId: [hookA2.deliveryId],
      },
    });
    realms.set('partner', {
      auth: partnerA.token,
      own: { referralId: referralA, endpointId: hookPA1.endpointId, deliveryId: hookPA1.deliveryId },
      foreign: {
        referralId: [referralB],
        endpointId: [hookPB.endpointId, hookA1.endpointId],
        deliveryId: [hookPB.deliveryId, hookA1.deliveryId],
      },
      siblings: { endpointId: [hookPA2.endpointId], deliveryId: [hookPA2.deliveryId] },
    });
    realms.set('admin', {
      auth: admin,
      own: { partnerId: partnerA.id, clientId: partnerA.clientId, offerId: await offer(partnerA.id) },
      foreign: { clientId: [extraClientB.clientId], offerId: [await offer(partnerB.id)] },
      siblings: { partnerId: [partnerB.id] },
    });
    realms.set('catalogue', {
      auth: coordinatorA,
      own: { partnerId: partnerA.id },
      foreign: { partnerId: [localB.id] },
      siblings: {},
    });
    Object.assign(ids, {
      coordinatorA,
      memberB: memberB.id,
      organisationB,
      learnerB: b1.learnerId,
      caseA: a1.caseId,
      caseA2: a2.caseId,
      learnerA: a1.learnerId,
      registrationA,
    });
  }, 120_000);
  afterAll(async () => {
    await ctx.close();
  });

  function realmOf(route: string): string | undefined {
    if (route.startsWith('/api/v1/regions/{region}/')) return 'region';
    if (route.startsWith('/api/v1/partner/')) return 'partner';
    if (route.startsWith('/api/v1/admin/')) return 'admin';
    if (route.startsWith('/api/v1/partners/')) return 'catalogue';
    return undefined;
  }

  /** Every (route, id swapped) case: one id replaced by a foreign one, or by a sibling when the route nests ids. */
  function cases(op: Operation): { url: string; swapped: string }[] {
    const realm = realms.get(realmOf(op.path) ?? '');
    if (!realm) return [];
    const idParams = op.params.filter((p) => !NOT_IDS.has(p));
    return idParams.flatMap((param) =>
      [...(realm.foreign[param] ?? []), ...(idParams.length > 1 ? (realm.siblings[param] ?? []) : [])].map((value) => ({
        swapped: `${param}=${value}`,
        url: op.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
          name === param ? value : (realm.own[name] ?? `<no ${name}>`),
        ),
      })),
    );
  }

  it('classifies every route with an id: checked here, or listed with the reason it needs no check', () => {
    const unclassified = operationsWithIds()
      .map((op) => ({ route: `${op.method.toUpperCase()} ${op.path}`, count: cases(op).length }))
      .filter(({ route, count }) => (count === 0) === !(route in NO_OWNERSHIP_CHECK));
    expect(unclassified).toEqual([]);
  });

  it('answers 404 or 403 to every foreign id in a path and changes nothing', async () => {
    const before = await fingerprint();
    const leaks: string[] = [];
    let checked = 0;
    for (const op of operationsWithIds()) {
      const route = `${op.method.toUpperCase()} ${op.path}`;
      if (route in NO_OWNERSHIP_CHECK) continue;
      const realm = realms.get(realmOf(op.path) ?? '');
      const sample = bodyFor(route, { partnerA: ids.partnerA ?? '' });
      for (const { url, swapped } of cases(op)) {
        const pending = call(op.method, url, realm?.auth ?? '').set(sample.headers ?? {});
        const response = sample.body ? await pending.send(sample.body) : await pending;
        checked += 1;
        if (response.status !== 404 && response.status !== 403)
          leaks.push(`${route} with ${swapped}: ${String(response.status)} ${response.text.slice(0, 160)}`);
        else expect(response.type).toBe('application/problem+json');
      }
    }
    expect(leaks).toEqual([]);
    expect(checked).toBeGreaterThan(60);
    expect(await fingerprint()).toEqual(before);
  }, 120_000);

  it('refuses ids of another region or partner in body fields and changes nothing', async () => {
    const before = await fingerprint();
    const auth = ids.coordinatorA ?? '';
    const base = `/api/v1/regions/${regionA.slug}`;
    const attempts: { name: string; method: Method; url: string; body: object; headers?: Record<string, string> }[] = [
      {
        name: 'case for a learner of B',
        method: 'post',
        url: `${base}/cases`,
        body: { learnerId: ids.learnerB, kind: 'guidance' },
      },
      {
        name: 'case for a counsellor of B only',
        method: 'post',
        url: `${base}/cases`,
        body: { learnerId: ids.learnerA, kind: 'info', counsellorId: ids.memberB },
      },
      {
        name: 'case in an organisation of B',
        method: 'post',
        url: `${base}/cases`,
        body: { learnerId: ids.learnerA, kind: 'info', organisationId: ids.organisationB },
      },
      {
        name: 'case moved to a counsellor of B',
        method: 'patch',
        url: `${base}/cases/${ids.caseA2 ?? ''}`,
        body: { counsellorId: ids.memberB },
        headers: { 'if-match': '"1"' },
      },
      {
        name: 'case moved to an organisation of B',
        method: 'patch',
        url: `${base}/cases/${ids.caseA2 ?? ''}`,
        body: { organisationId: ids.organisationB },
        headers: { 'if-match': '"1"' },
      },
      {
        name: 'member invited into an organisation of B',
        method: 'post',
        url: `${base}/members`,
        body: {
          email: `bola-${String(Date.now())}@test.leerwinkel.test`,
          displayName: 'X',
          role: 'counsellor',
          organisationId: ids.organisationB,
        },
      },
      {
        name: 'registration accepted onto a learner of B',
        method: 'post',
        url: `${base}/registrations/${ids.registrationA ?? ''}/accept`,
        body: { existingLearnerId: ids.learnerB, kind: 'info' },
      },
      {
        name: 'consent for a local partner of B',
        method: 'post',
        url: `${base}/learners/${ids.learnerA ?? ''}/consents`,
        body: { purpose: 'partner_sharing', partnerId: ids.localPartnerB, textVersion: 'v1' },
      },
      {
        name: 'referral to a local partner of B',
        method: 'post',
        url: `${base}/cases/${ids.caseA ?? ''}/referrals`,
        body: {
          partnerId: ids.localPartnerB,
          share: { contactData: false, learningQuestion: false, educationLevel: false, dutchLevel: false },
        },
      },
    ];
    // A foreign id must be refused exactly like an id that exists nowhere: same status, same problem code.
    const foreignIds = new Set([ids.learnerB, ids.memberB, ids.organisationB, ids.localPartnerB]);
    const nowhere = '00000000-0000-4000-8000-00000000dead';
    const differences: string[] = [];
    for (const attempt of attempts) {
      const answer = async (body: object) => {
        const response = await call(attempt.method, attempt.url, auth)
          .set(attempt.headers ?? {})
          .send(body);
        return `${String(response.status)} ${(response.body as { code?: string }).code ?? response.text.slice(0, 120)}`;
      };
      const unknownBody = Object.fromEntries(
        Object.entries(attempt.body).map(([key, value]) => [key, foreignIds.has(value as string) ? nowhere : value]),
      );
      const [foreign, unknown] = [await answer(attempt.body), await answer(unknownBody)];
      if (foreign !== unknown || !/^4\d\d /.test(foreign))
        differences.push(`${attempt.name}: ${foreign} (an unknown id: ${unknown})`);
    }
    expect(differences).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  });
});
