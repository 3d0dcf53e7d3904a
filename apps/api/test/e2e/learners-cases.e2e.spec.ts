import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { ProvisionedRegion } from '../../src/tenancy/region-provisioner.js';
import { createTestContext, signIn, type TestContext, type TestUser } from '../support/test-context.js';

interface Learner {
  id: string;
  firstName: string;
  lastName: string;
  version: number;
  inszMasked: string | null;
}
interface Case {
  id: string;
  status: string;
  version: number;
  allowedTransitions: string[];
  exitReason: string | null;
  closedAt: string | null;
}

let sequence = 0;
function learnerInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    firstName: 'Test',
    lastName: `Persoon${sequence}`,
    // distinct birth dates: the factory must not trip the duplicate check
    dateOfBirth: `${1950 + (sequence % 50)}-${String(1 + (sequence % 12)).padStart(2, '0')}-${String(1 + (sequence % 28)).padStart(2, '0')}`,
    gender: 'female',
    email: `test${sequence}@voorbeeld.be`,
    postalCode: '8000',
    municipality: 'Brugge',
    nativeLanguage: 'nl',
    dutchLevel: 'native',
    educationLevel: 'isced_2',
    employmentStatus: 'job_seeker',
    targetGroups: ['low_qualified'],
    referralSource: 'vdab',
    ...overrides,
  };
}

describe('learners, cases and contacts over HTTP', () => {
  let ctx: TestContext;
  let app: NestExpressApplication;
  let region: ProvisionedRegion;
  let other: ProvisionedRegion;
  let counsellor: TestUser;
  let asCounsellor: string;
  let asCoordinator: string;
  let asOther: string;
  const server = () => app.getHttpServer();
  const api = (auth: string) => ({
    get: (url: string) => request(server()).get(`/api/v1/regions/${region.slug}${url}`).set('authorization', auth),
    post: (url: string, body: object) => request(server()).post(`/api/v1/regions/${region.slug}${url}`).set('authorization', auth).send(body),
    patch: (url: string, body: object, ifMatch?: string) => {
      const call = request(server()).patch(`/api/v1/regions/${region.slug}${url}`).set('authorization', auth);
      if (ifMatch) void call.set('if-match', ifMatch);
      return call.send(body);
    },
  });
  const createLearner = async (overrides: Record<string, unknown> = {}): Promise<Learner> =>
    (await api(asCounsellor).post('/learners', learnerInput(overrides)).expect(201)).body as Learner;

  beforeAll(async () => {
    ctx = await createTestContext();
    region = await ctx.newRegion();
    other = await ctx.newRegion();
    app = await ctx.newApp();
    counsellor = await ctx.newUser({ regions: { [region.slug]: 'counsellor' } });
    asCounsellor = (await signIn(app, counsellor)).authorization;
    asCoordinator = (await signIn(app, await ctx.newUser({ regions: { [region.slug]: 'coordinator' } }))).authorization;
    asOther = (await signIn(app, await ctx.newUser({ regions: { [other.slug]: 'counsellor' } }))).authorization;
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('registers, reads (with ETag) and updates a learner; a stale update is 412 and changes nothing', async () => {
    const created = await createLearner({ firstName: 'Ayşe', lastName: 'Çelik' });
    const read = await api(asCounsellor).get(`/learners/${created.id}`).expect(200);
    expect(read.headers.etag).toBe('"1"');
    const updated = await api(asCounsellor).patch(`/learners/${created.id}`, { municipality: 'Oostende', postalCode: '8400' }, '"1"').expect(200);
    expect(updated.body).toMatchObject({ municipality: 'Oostende', version: 2 });
    const stale = await api(asCounsellor).patch(`/learners/${created.id}`, { municipality: 'Gent' }, '"1"');
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'RESOURCE.STALE', currentVersion: 2 });
    const missing = await api(asCounsellor).patch(`/learners/${created.id}`, { municipality: 'Gent' });
    expect(missing.status).toBe(428);
    expect(((await api(asCounsellor).get(`/learners/${created.id}`)).body as { municipality: string }).municipality).toBe('Oostende');
    await api(asCounsellor).patch(`/learners/${created.id}`, { municipality: 'Gent', version: 2 }).expect(200);
  });

  it('searches names accent-, case- and typo-tolerantly, in either order, with filters and stable pages', async () => {
    const celik = await createLearner({ firstName: 'Ayşe', lastName: 'Çelik', dateOfBirth: '1985-03-02' });
    const desmet = await createLearner({ firstName: 'Jan', lastName: 'Desmet', dateOfBirth: '1979-11-30' });
    const vandenbroeck = await createLearner({ firstName: 'Marie', lastName: 'Van den Broeck', dateOfBirth: '1992-07-14' });
    const search = async (query: Record<string, string>) =>
      ((await api(asCounsellor).get('/learners').query(query).expect(200)).body as { items: { id: string }[] }).items.map((item) => item.id);

    expect(await search({ q: 'celik' })).toContain(celik.id);
    expect(await search({ q: 'ÇELIK' })).toContain(celik.id);
    expect(await search({ q: 'De Smet' })).toContain(desmet.id);
    expect(await search({ q: 'desmett' })).toContain(desmet.id); // a typo
    expect(await search({ q: 'vandenbroek' })).toContain(vandenbroeck.id);
    expect(await search({ q: 'Broeck Marie' })).toContain(vandenbroeck.id);
    expect(await search({ q: 'celik' })).not.toContain(desmet.id);
    const ranked = (await api(asCounsellor).get('/learners').query({ q: 'celik' }).expect(200)).body as { items: { lastName: string }[] };
    expect(ranked.items[0]?.lastName).toBe('Çelik'); // the best matches first
    expect(await search({ dateOfBirth: '1979-11-30' })).toEqual([desmet.id]);

    // pages: no duplicates, no gaps, stable order
    for (let i = 0; i < 7; i++) await createLearner({ lastName: `Paginatest${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await api(asCounsellor).get('/learners').query({ limit: 3, ...(cursor ? { cursor } : {}) }).expect(200)).body as {
        items: { id: string }[];
        nextCursor: string | null;
      };
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const all = (await ctx.owner.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM "${region.schemaName}".learner`))[0].n;
    expect(seen).toHaveLength(all);
  });

  it('warns about a possible duplicate (same birth date, similar name) unless confirmed', async () => {
    const first = await createLearner({ firstName: 'Mohamed', lastName: 'El Amrani', dateOfBirth: '1988-02-29' });
    const again = await api(asCounsellor).post('/learners', learnerInput({ firstName: 'Mohammed', lastName: 'Elamrani', dateOfBirth: '1988-02-29' }));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'LEARNER.POSSIBLE_DUPLICATE', candidates: [{ id: first.id }] });
    const otherDate = await api(asCounsellor).post('/learners', learnerInput({ firstName: 'Mohamed', lastName: 'El Amrani', dateOfBirth: '1989-02-28' }));
    expect(otherDate.status).toBe(201);
    await api(asCounsellor).post('/learners', learnerInput({ firstName: 'Mohammed', lastName: 'Elamrani', dateOfBirth: '1988-02-29', confirmNewPerson: true })).expect(201);
  });

  it('keeps the INSZ encrypted, masked and out of lists; only where enabled; each reveal audited', async () => {
    const disabled = await api(asCounsellor).post('/learners', learnerInput({ insz: '85073003328' }));
    expect(disabled.body).toMatchObject({ code: 'LEARNER.INSZ_NOT_ENABLED' });
    await api(asCoordinator).patch('/settings', { inszEnabled: true }).expect(200);
    const wrong = await api(asCounsellor).post('/learners', learnerInput({ insz: '85073003329' }));
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ errors: [{ field: 'insz' }] });
    const learner = await createLearner({ insz: '85.07.30-033.28', dateOfBirth: '1985-07-30' });
    expect(learner.inszMasked).toBe('85.07.30-***.**');
    const born2001 = await createLearner({ insz: '01020304031', dateOfBirth: '2001-02-03' });
    expect(born2001.inszMasked).toBe('01.02.03-***.**');
    const [stored] = await ctx.owner.query<[{ insz: Buffer }]>(`SELECT insz_encrypted AS insz FROM "${region.schemaName}".learner WHERE id = $1`, [learner.id]);
    expect(stored.insz.toString('latin1')).not.toContain('85073003328');
    const list = await api(asCounsellor).get('/learners').query({ limit: 100 }).expect(200);
    expect(JSON.stringify(list.body)).not.toMatch(/insz|85073003328/i);
    // Only the learner's own counsellors (and the coordinators) may see it.
    await api(asCounsellor).get(`/learners/${learner.id}/insz`).expect(403);
    await api(asCounsellor).post('/cases', { learnerId: learner.id, kind: 'info' }).expect(201);
    const revealed = await api(asCounsellor).get(`/learners/${learner.id}/insz`).expect(200);
    expect(revealed.body).toEqual({ insz: '85073003328' });
    const audit = await ctx.owner.query<unknown[]>("SELECT 1 FROM platform.audit_event WHERE action = 'learner.insz.revealed' AND target_id = $1", [learner.id]);
    expect(audit).toHaveLength(1);
  });

  it('runs a case through its lifecycle; every transition recorded; illegal ones are 409', async () => {
    const learner = await createLearner();
    await api(asCounsellor).post(`/learners/${learner.id}/consents`, { purpose: 'outcome_follow_up', textVersion: 'v1' }).expect(201);
    const created = (await api(asCounsellor).post('/cases', { learnerId: learner.id, kind: 'guidance', themes: ['dutch_language'], barriers: ['time'] }).expect(201))
      .body as Case;
    expect(created).toMatchObject({ status: 'registered', allowedTransitions: ['intake', 'closed'], counsellorName: `Test ${counsellor.email}` });

    const illegal = await api(asCounsellor).post(`/cases/${created.id}/transitions`, { to: 'follow_up' });
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({ code: 'CASE.INVALID_TRANSITION', from: 'registered', to: 'follow_up' });

    for (const to of ['intake', 'guidance', 'follow_up']) {
      await api(asCounsellor).post(`/cases/${created.id}/transitions`, { to, note: `naar ${to}` }).expect(200);
    }
    const noExit = await api(asCounsellor).post(`/cases/${created.id}/transitions`, { to: 'closed' });
    expect(noExit.status).toBe(400);
    const closed = (await api(asCounsellor).post(`/cases/${created.id}/transitions`, { to: 'closed', exitReason: 'started_course', objectivesMet: 'fully' }).expect(200))
      .body as Case;
    expect(closed).toMatchObject({ status: 'closed', exitReason: 'started_course' });
    expect(closed.closedAt).not.toBeNull();

    const items = (await api(asCounsellor).get(`/cases/${created.id}/action-items`).expect(200)).body as { items: { followUpMonths: number | null; dueDate: string }[] };
    expect(items.items.map((item) => item.followUpMonths).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([3, 6, 12]);

    await api(asCounsellor).post(`/cases/${created.id}/transitions`, { to: 'guidance' }).expect(400); // reopening needs a reason
    const reopened = (await api(asCounsellor).post(`/cases/${created.id}/transitions`, { to: 'guidance', note: 'Wil toch verder' }).expect(200)).body as Case;
    expect(reopened).toMatchObject({ status: 'guidance', exitReason: null, closedAt: null });

    const transitions = (await api(asCounsellor).get(`/cases/${created.id}/transitions`).expect(200)).body as { items: { from: string | null; to: string; byUserId: string }[] };
    expect(transitions.items.map((t) => `${t.from ?? '-'}>${t.to}`)).toEqual([
      '->registered',
      'registered>intake',
      'intake>guidance',
      'guidance>follow_up',
      'follow_up>closed',
      'closed>guidance',
    ]);
    expect(transitions.items.every((t) => t.byUserId === counsellor.id)).toBe(true);
  });

  it('plans no follow-ups without consent to outcome follow-up', async () => {
    const learner = await createLearner();
    const kase = (await api(asCounsellor).post('/cases', { learnerId: learner.id, kind: 'guidance' }).expect(201)).body as Case;
    await api(asCounsellor).post(`/cases/${kase.id}/transitions`, { to: 'closed', exitReason: 'lost_contact', objectivesMet: 'unknown' }).expect(200);
    const items = (await api(asCounsellor).get(`/cases/${kase.id}/action-items`).expect(200)).body as { items: unknown[] };
    expect(items.items).toEqual([]);
  });

  it('records contacts and action items; the caseload shows overdue ones first', async () => {
    const learner = await createLearner();
    const kase = (await api(asCounsellor).post('/cases', { learnerId: learner.id, kind: 'info' }).expect(201)).body as Case;
    const contact = await api(asCounsellor)
      .post(`/cases/${kase.id}/contacts`, { occurredAt: '2026-01-15T10:00:00+01:00', durationMinutes: 60, channel: 'in_person', kind: 'intake', notes: 'Eerste gesprek' })
      .expect(201);
    expect(contact.body).toMatchObject({ durationMinutes: 60, counsellorId: counsellor.id });
    const contacts = (await api(asCounsellor).get(`/cases/${kase.id}/contacts`).expect(200)).body as { items: unknown[] };
    expect(contacts.items).toHaveLength(1);

    const item = (await api(asCounsellor).post(`/cases/${kase.id}/action-items`, { task: 'Inschrijven bij CVO', owner: 'learner', dueDate: '2026-01-01' }).expect(201)).body as {
      id: string;
      overdue: boolean;
      version: number;
    };
    expect(item.overdue).toBe(true);
    const caseload = (await api(asCounsellor).get('/cases').query({ mine: 'true' }).expect(200)).body as { items: { id: string; overdue: boolean }[] };
    expect(caseload.items[0]).toMatchObject({ id: kase.id, overdue: true });
    const done = await api(asCounsellor).patch(`/cases/${kase.id}/action-items/${item.id}`, { done: true, version: item.version }).expect(200);
    expect(done.body).toMatchObject({ overdue: false, version: 2 });
    await api(asCounsellor).patch(`/cases/${kase.id}/action-items/${item.id}`, { done: false, version: 1 }).expect(412);
    // Found by fuzzing: without a due date `overdue` was null, and the list leaked its cursor column createdAt.
    const undated = (await api(asCounsellor).post(`/cases/${kase.id}/action-items`, { task: 'Bellen', owner: 'counsellor' }).expect(201)).body as { overdue: unknown };
    expect(undated.overdue).toBe(false);
    const listed = (await api(asCounsellor).get(`/cases/${kase.id}/action-items`).expect(200)).body as { items: Record<string, unknown>[] };
    expect(listed.items.map((listedItem) => listedItem.overdue)).toEqual([false, false]);
    expect(listed.items.every((listedItem) => !('createdAt' in listedItem))).toBe(true);
  });

  it('records the organisation guiding a case and filters by it (several organisations in one region)', async () => {
    const organisation = (await api(asCoordinator).post('/organisations', { name: `CBE ${Date.now()}` }).expect(201)).body as { id: string };
    const learner = await createLearner();
    const guided = (await api(asCounsellor).post('/cases', { learnerId: learner.id, kind: 'guidance', organisationId: organisation.id }).expect(201)).body as Case;
    await api(asCounsellor).post('/cases', { learnerId: learner.id, kind: 'info' }).expect(201);
    const filtered = (await api(asCoordinator).get('/cases').query({ organisationId: organisation.id }).expect(200)).body as { items: { id: string }[] };
    expect(filtered.items.map((c) => c.id)).toEqual([guided.id]);
    const foreign = await api(asCounsellor).post('/cases', { learnerId: learner.id, kind: 'info', organisationId: '00000000-0000-4000-8000-00000000000f' });
    expect(foreign.body).toMatchObject({ errors: [{ field: 'organisationId' }] });
  });

  it('records consents per purpose and their withdrawal', async () => {
    const learner = await createLearner();
    const partner = await ctx.newPartner();
    const given = (await api(asCounsellor).post(`/learners/${learner.id}/consents`, { purpose: 'partner_sharing', partnerId: partner.id, textVersion: 'v2' }).expect(201)).body as {
      id: string;
      registeredBy: string;
    };
    expect(given.registeredBy).toBe(counsellor.id);
    await api(asCounsellor).post(`/learners/${learner.id}/consents`, { purpose: 'partner_sharing', textVersion: 'v2' }).expect(400);
    await api(asCounsellor).post(`/learners/${learner.id}/consents`, { purpose: 'statistics', partnerId: partner.id, textVersion: 'v2' }).expect(400);
    const withdrawn = await api(asCounsellor).post(`/learners/${learner.id}/consents/${given.id}/withdraw`, {}).expect(200);
    expect(withdrawn.body).toMatchObject({ withdrawnBy: counsellor.id });
    await api(asCounsellor).post(`/learners/${learner.id}/consents/${given.id}/withdraw`, {}).expect(409);
  });

  it('logs every read of a learner record; coordinators list it, counsellors may not', async () => {
    const learner = await createLearner();
    await api(asCounsellor).get(`/learners/${learner.id}`).expect(200);
    await api(asCounsellor).get(`/learners/${learner.id}/consents`).expect(200);
    const log = (await api(asCoordinator).get(`/learners/${learner.id}/access-log`).expect(200)).body as { items: { userId: string; parts: string[]; userName: string }[] };
    expect(log.items.map((entry) => entry.parts)).toEqual([['consents'], ['profile']]);
    expect(log.items[0]?.userId).toBe(counsellor.id);
    await api(asCounsellor).get(`/learners/${learner.id}/access-log`).expect(403);
    const pool = app.get<import('typeorm').DataSource>((await import('@nestjs/typeorm')).getDataSourceToken());
    await expect(
      pool.transaction(async (m) => {
        await m.query("SELECT set_config('role', $1, true), set_config('search_path', $2, true)", [region.roleName, `"${region.schemaName}"`]);
        await m.query('DELETE FROM learner_access');
      }),
    ).rejects.toThrow('permission denied for table learner_access');
  });

  it('refuses bad input with a problem and writes nothing', async () => {
    const count = async () => (await ctx.owner.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM "${region.schemaName}".learner`))[0].n;
    const before = await count();
    const today = new Date().toISOString().slice(0, 10);
    const cases: [string, Record<string, unknown>][] = [
      ['31 February', { dateOfBirth: '1990-02-31' }],
      ['born in the future', { dateOfBirth: `${Number(today.slice(0, 4)) + 1}-01-01` }],
      ['younger than 16', { dateOfBirth: `${Number(today.slice(0, 4)) - 10}-01-01` }],
      ['older than 110', { dateOfBirth: '1900-01-01' }],
      ['unknown gender code', { gender: 'unicorn' }],
      ['unknown target group', { targetGroups: ['astronaut'] }],
      ['over-long name', { lastName: 'x'.repeat(101) }],
      ['unknown field', { favouriteColour: 'blue' }],
      ['bad postal code', { postalCode: '80000' }],
      ['NUL character (PostgreSQL text cannot hold it; found by fuzzing)', { municipality: 'Brug\u0000ge' }],
    ];
    for (const [name, overrides] of cases) {
      const response = await api(asCounsellor).post('/learners', learnerInput(overrides));
      expect({ name, status: response.status, type: response.type }).toEqual({ name, status: 400, type: 'application/problem+json' });
    }
    expect(await count()).toBe(before);
    // Found by fuzzing: a NUL character in free text or a query reached SQL and answered 500.
    const learner = await createLearner();
    const kase = (await api(asCounsellor).post('/cases', { learnerId: learner.id, kind: 'info' }).expect(201)).body as { id: string };
    const gap = await api(asCounsellor).post(`/cases/${kase.id}/offer-gaps`, { theme: 'diploma_recognition', description: 'a\u0000b' });
    expect(gap.status).toBe(400);
    expect(gap.body).toMatchObject({ code: 'VALIDATION.FAILED', errors: [{ field: 'description', rule: 'noNulCharacters' }] });
    const search = await api(asCounsellor).get('/learners?q=%00');
    expect(search.status).toBe(400);
    expect(search.body).toMatchObject({ errors: [{ field: 'q', rule: 'noNulCharacters' }] });
  });

  it("another region's ids in path or body get a problem and nothing is written", async () => {
    const theirs = (await request(server()).post(`/api/v1/regions/${other.slug}/learners`).set('authorization', asOther).send(learnerInput()).expect(201)).body as Learner;
    await api(asCounsellor).get(`/learners/${theirs.id}`).expect(404);
    await api(asCounsellor).patch(`/learners/${theirs.id}`, { municipality: 'X' }, '"1"').expect(404);
    const caseForTheirs = await api(asCounsellor).post('/cases', { learnerId: theirs.id, kind: 'info' });
    expect(caseForTheirs.status).toBe(400);
    expect(caseForTheirs.body).toMatchObject({ errors: [{ field: 'learnerId' }] });
    const mine = await createLearner();
    const foreignCounsellor = await api(asCounsellor).post('/cases', { learnerId: mine.id, kind: 'info', counsellorId: (await ctx.newUser({ regions: { [other.slug]: 'counsellor' } })).id });
    expect(foreignCounsellor.status).toBe(400);
    expect(foreignCounsellor.body).toMatchObject({ errors: [{ field: 'counsellorId' }] });
    const [{ n }] = await ctx.owner.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM "${region.schemaName}".guidance_case WHERE learner_id = $1`, [mine.id]);
    expect(n).toBe(0);
    await api(asCounsellor).get(`/learners/not-a-uuid`).expect(400);
  });
});
