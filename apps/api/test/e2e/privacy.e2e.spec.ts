import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { IndicatorsService } from '../../src/modules/indicators/indicators.service.js';
import { RetentionService } from '../../src/modules/privacy/retention.service.js';
import type { ProvisionedRegion } from '../../src/tenancy/region-provisioner.js';
import { createTestContext, regionRef, signIn, type TestContext, type TestUser } from '../support/test-context.js';

/** A valid national register number of someone born in the 1900s (check digits: 97 − first nine digits mod 97). */
function insz(yymmdd: string, serial: number): string {
  const first = `${yymmdd}${String(serial).padStart(3, '0')}`;
  return `${first}${String(97 - (Number(first) % 97)).padStart(2, '0')}`;
}

/** A unique marker per person, put into every personal field, so raw tables can be searched for leftovers. */
function marker(): string {
  return `Zq${randomBytes(4).toString('hex')}`;
}

interface Person {
  learnerId: string;
  caseId: string;
  referralId: string;
  consentId: string;
  mark: string;
  insz: string;
}

describe('data protection: retention, access, erasure, restriction, sensitive fields', () => {
  let ctx: TestContext;
  let app: NestExpressApplication;
  let region: ProvisionedRegion;
  let counsellor: TestUser;
  let asCounsellor: string;
  let asOtherCounsellor: string;
  let asCoordinator: string;
  let asSecondCoordinator: string;
  let partner: { id: string };
  let asPartner: string;
  const server = () => app.getHttpServer();
  const api = (auth: string) => ({
    get: (url: string) => request(server()).get(`/api/v1/regions/${region.slug}${url}`).set('authorization', auth),
    post: (url: string, body: object) => request(server()).post(`/api/v1/regions/${region.slug}${url}`).set('authorization', auth).send(body),
    patch: (url: string, body: object, version: number) => request(server()).patch(`/api/v1/regions/${region.slug}${url}`).set('authorization', auth).set('if-match', `"${String(version)}"`).send(body),
    delete: (url: string) => request(server()).delete(`/api/v1/regions/${region.slug}${url}`).set('authorization', auth),
  });

  let birth = 0;
  /** A learner with personal data in every field, a guidance case with a contact, a follow-up, a health barrier, a gap signal and a referral. */
  async function person(insz: string): Promise<Person> {
    const mark = marker();
    birth += 1;
    const learner = (
      await api(asCounsellor)
        .post('/learners', {
          firstName: `${mark}Voornaam`,
          lastName: `${mark}Naam`,
          dateOfBirth: `1980-0${String(1 + (birth % 9))}-1${String(birth % 9)}`,
          gender: 'female',
          email: `${mark.toLowerCase()}@voorbeeld.be`,
          phone: '+32 470 11 22 33',
          postalCode: '8000',
          municipality: `${mark}gem`,
          nativeLanguage: 'ar',
          dutchLevel: 'A2',
          educationLevel: 'isced_2',
          employmentStatus: 'job_seeker',
          targetGroups: ['low_qualified', 'newcomer'],
          referralSource: 'ocmw',
          insz,
          confirmNewPerson: true,
        })
        .expect(201)
    ).body as { id: string; version: number };
    await api(asCounsellor).patch(`/learners/${learner.id}`, { lastName: `${mark}Nieuw` }, learner.version).expect(200);
    const consent = (await api(asCounsellor).post(`/learners/${learner.id}/consents`, { purpose: 'partner_sharing', partnerId: partner.id, textVersion: 'v1' }).expect(201)).body as { id: string };
    await api(asCounsellor).post(`/learners/${learner.id}/consents`, { purpose: 'outcome_follow_up', textVersion: 'v1' }).expect(201);
    const kase = (
      await api(asCounsellor)
        .post('/cases', { learnerId: learner.id, kind: 'guidance', learningQuestion: `${mark} wil lasser worden`, themes: ['vocational_training'], barriers: ['time', 'health'], goal: `${mark} doel` })
        .expect(201)
    ).body as { id: string; version: number };
    await api(asCounsellor).post(`/cases/${kase.id}/contacts`, { occurredAt: new Date(Date.now() - 3_600_000).toISOString(), durationMinutes: 60, channel: 'in_person', kind: 'intake', notes: `${mark} vertelt over zijn gezin` }).expect(201);
    await api(asCounsellor).post(`/cases/${kase.id}/offer-gaps`, { theme: 'vocational_training', description: `${mark} avondopleiding` }).expect(201);
    const referral = (await api(asCounsellor).post(`/cases/${kase.id}/referrals`, { partnerId: partner.id, share: { contactData: true, learningQuestion: true, educationLevel: true, dutchLevel: true } }).expect(201)).body as {
      id: string;
    };
    await request(server()).post(`/api/v1/partner/referrals/${referral.id}/transitions`).set('authorization', asPartner).send({ to: 'accepted', note: `${mark} gebeld` }).expect(200);
    for (const to of ['intake', 'guidance']) await api(asCounsellor).post(`/cases/${kase.id}/transitions`, { to }).expect(200);
    await api(asCounsellor).post(`/cases/${kase.id}/transitions`, { to: 'closed', exitReason: 'started_course', objectivesMet: 'fully', note: `${mark} gestart` }).expect(200);
    return { learnerId: learner.id, caseId: kase.id, referralId: referral.id, consentId: consent.id, mark, insz };
  }

  /** Every row of every table of the region and the region's exchange rows, as text. */
  async function everything(): Promise<string> {
    const tables = await ctx.owner.query<{ table_name: string }[]>("SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'", [region.schemaName]);
    const parts: string[] = [];
    for (const { table_name: table } of tables) {
      const rows = await ctx.owner.query<{ row: string }[]>(`SELECT to_jsonb(t)::text AS row FROM "${region.schemaName}"."${table}" t`);
      parts.push(...rows.map((r) => r.row));
    }
    for (const sql of [
      'SELECT to_jsonb(x)::text AS row FROM exchange.referral x WHERE region_id = $1',
      'SELECT to_jsonb(e)::text AS row FROM exchange.referral_event e JOIN exchange.referral x ON x.id = e.referral_id WHERE x.region_id = $1',
      'SELECT to_jsonb(g)::text AS row FROM exchange.registration g WHERE region_id = $1',
    ]) {
      parts.push(...(await ctx.owner.query<{ row: string }[]>(sql, [region.id])).map((r) => r.row));
    }
    return parts.join('\n');
  }

  /** Moves a case back in time by a PostgreSQL interval, e.g. '6 years'. */
  async function backdate(p: Person, interval: string): Promise<void> {
    await ctx.owner.query(`UPDATE "${region.schemaName}".guidance_case SET opened_at = opened_at - $2::interval, closed_at = closed_at - $2::interval WHERE id = $1`, [p.caseId, interval]);
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    region = await ctx.newRegion();
    app = await ctx.newApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE_PER_IP: '1000' } });
    partner = await ctx.newPartner();
    counsellor = await ctx.newUser({ regions: { [region.slug]: 'counsellor' } });
    asCounsellor = (await signIn(app, counsellor)).authorization;
    asOtherCounsellor = (await signIn(app, await ctx.newUser({ regions: { [region.slug]: 'counsellor' } }))).authorization;
    asCoordinator = (await signIn(app, await ctx.newUser({ regions: { [region.slug]: 'coordinator' } }))).authorization;
    asSecondCoordinator = (await signIn(app, await ctx.newUser({ regions: { [region.slug]: 'coordinator' } }))).authorization;
    asPartner = (await signIn(app, await ctx.newUser({ partnerId: partner.id }))).authorization;
    await api(asCoordinator).patch('/settings', { inszEnabled: true }, 0).expect(200);
  }, 60_000);
  afterAll(async () => {
    await ctx.close();
  });

  it('anonymises learners past retention: every personal field gone from the raw tables, every indicator the same', async () => {
    const old = await person('85073003328');
    const recent = await person('01020304031');
    // Due in 10 days (retention 60 months after closing), anonymised below as of 20 days from now: an API process of
    // another test file with its job queue on runs the nightly retention at start, as of now, and must not take it first.
    await backdate(old, '5 years -10 days');
    const asOf = new Date(Date.now() + 20 * 86_400_000);
    const indicators = async () => {
      await app.get(IndicatorsService, { strict: false }).refresh(regionRef(region));
      // The region's own figures: not suppressed, so every count is compared exactly.
      const to = new Date().toISOString().slice(0, 10);
      const byMonth = await api(asCoordinator).get(`/indicators?from=2018-01-01&to=${to}&groupBy=month`).expect(200);
      const tables = (byMonth.body as { indicators: { rows: { value: number | null }[] }[] }).indicators;
      expect(tables.flatMap((t) => t.rows).filter((r) => (r.value ?? 0) > 0).length).toBeGreaterThan(40);
      return tables;
    };
    const upcoming = (await api(asCoordinator).get('/retention/upcoming?days=30').expect(200)).body as { items: { learnerId: string }[]; retentionGuidanceMonths: number };
    expect(upcoming.retentionGuidanceMonths).toBe(60);
    expect(upcoming.items.map((i) => i.learnerId)).toEqual([old.learnerId]);

    const before = await indicators();
    expect(await app.get(RetentionService, { strict: false }).anonymiseDue(regionRef(region), asOf)).toBe(1);
    expect(await indicators()).toEqual(before);

    const raw = await everything();
    for (const leftover of [old.mark, old.mark.toLowerCase(), '85073003328', '+32 470 11 22 33']) {
      expect({ leftover, found: raw.split('\n').filter((row) => row.includes(leftover) && !row.includes(recent.mark)).length }).toEqual({ leftover, found: 0 });
    }
    expect(raw).toContain(recent.mark);
    const [learner] = await ctx.owner.query<[{ dob: string; anonymised: boolean; insz: Buffer | null; first: string }]>(
      `SELECT to_char(date_of_birth, 'YYYY-MM-DD') AS dob, anonymised_at IS NOT NULL AS anonymised, insz_encrypted AS insz, first_name AS first FROM "${region.schemaName}".learner WHERE id = $1`,
      [old.learnerId],
    );
    expect(learner).toMatchObject({ anonymised: true, insz: null, first: 'Geanonimiseerd' });
    expect(learner.dob.endsWith('-01')).toBe(true);
    // The partner's packet no longer holds the person; an anonymised learner cannot be changed.
    const packet = ((await request(server()).get(`/api/v1/partner/referrals/${old.referralId}`).set('authorization', asPartner).expect(200)).body as { packet: Record<string, unknown> }).packet;
    expect(packet).toMatchObject({ learner: null, learningQuestion: null, anonymised: true });
    const change = await api(asCounsellor).post(`/cases/${old.caseId}/contacts`, { occurredAt: new Date().toISOString(), durationMinutes: 10, channel: 'phone', kind: 'follow_up' });
    expect(change.body).toMatchObject({ code: 'LEARNER.ANONYMISED' });
  }, 60_000);

  it('exports everything about one learner for the right of access, and nothing about anyone else', async () => {
    const a = await person(insz('900101', 123));
    const b = await person(insz('700202', 1));
    await api(asCounsellor).get(`/learners/${a.learnerId}`).expect(200);
    const exported = await api(asCoordinator).get(`/learners/${a.learnerId}/access-export`).expect(200);
    const text = JSON.stringify(exported.body);
    const ids = async (sql: string, id: string) => (await ctx.owner.query<{ id: string }[]>(sql, [id])).map((row) => row.id);
    const s = `"${region.schemaName}"`;
    const mine = [
      a.learnerId,
      ...(await ids(`SELECT id::text FROM ${s}.guidance_case WHERE learner_id = $1`, a.learnerId)),
      ...(await ids(`SELECT t.id::text FROM ${s}.contact t JOIN ${s}.guidance_case c ON c.id = t.case_id WHERE c.learner_id = $1`, a.learnerId)),
      ...(await ids(`SELECT t.id::text FROM ${s}.action_item t JOIN ${s}.guidance_case c ON c.id = t.case_id WHERE c.learner_id = $1`, a.learnerId)),
      ...(await ids(`SELECT t.id::text FROM ${s}.offer_gap t JOIN ${s}.guidance_case c ON c.id = t.case_id WHERE c.learner_id = $1`, a.learnerId)),
      ...(await ids(`SELECT id::text FROM ${s}.consent WHERE learner_id = $1`, a.learnerId)),
      ...(await ids(`SELECT id::text FROM ${s}.learner_history WHERE learner_id = $1`, a.learnerId)),
      ...(await ids(`SELECT id::text FROM ${s}.learner_access WHERE learner_id = $1`, a.learnerId)),
      ...(await ids(`SELECT e.id::text FROM exchange.referral_event e WHERE e.referral_id = $1`, a.referralId)),
      a.referralId,
    ];
    for (const id of mine) expect({ id, present: text.includes(id) }).toEqual({ id, present: true });
    expect(text).toContain(`${a.mark}Voornaam`);
    expect(text).toContain(a.insz);
    expect(text).toContain(partner.id);
    expect(text).toMatch(/"health_barrier":true/);
    for (const foreign of [b.learnerId, b.caseId, b.referralId, b.consentId, b.mark, b.insz]) expect({ foreign, present: text.includes(foreign) }).toEqual({ foreign, present: false });
    const html = await api(asCoordinator).get(`/learners/${a.learnerId}/access-export?format=html`).expect(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.text).toContain('Inzage in persoonsgegevens');
    expect(html.text).toContain(`${a.mark}Voornaam`);
    expect(html.text).not.toContain(b.mark);
    await api(asCounsellor).get(`/learners/${a.learnerId}/access-export`).expect(403);
  }, 60_000);

  it('erases a learner on a second coordinator’s confirmation: gone everywhere, partners told, a pseudonymous fact remains', async () => {
    const p = await person('85073003328');
    const requested = (await api(asCoordinator).post(`/learners/${p.learnerId}/erasure-requests`, { ground: 'consent_withdrawn', note: `${p.mark} vroeg het aan de balie` }).expect(201)).body as { id: string; pseudonym: string };
    await api(asCoordinator).post(`/learners/${p.learnerId}/erasure-requests`, { ground: 'other' }).expect(409);
    const self = await api(asCoordinator).post(`/erasure-requests/${requested.id}/confirm`, {});
    expect(self.status).toBe(409);
    expect(self.body).toMatchObject({ code: 'ERASURE.FOUR_EYES' });
    const done = (await api(asSecondCoordinator).post(`/erasure-requests/${requested.id}/confirm`, {}).expect(200)).body as { status: string; learnerId: string | null; note: string | null };
    expect(done).toMatchObject({ status: 'erased', learnerId: null, note: null });

    expect(await everything()).not.toContain(p.mark);
    const s = `"${region.schemaName}"`;
    for (const [sql, id] of [
      [`SELECT 1 FROM ${s}.learner WHERE id = $1`, p.learnerId],
      [`SELECT 1 FROM ${s}.guidance_case WHERE id = $1`, p.caseId],
      [`SELECT 1 FROM ${s}.learner_access WHERE learner_id = $1`, p.learnerId],
      ['SELECT 1 FROM exchange.referral WHERE id = $1', p.referralId],
      ['SELECT 1 FROM exchange.referral_event WHERE referral_id = $1', p.referralId],
    ] as const) {
      expect({ sql, rows: (await ctx.owner.query<unknown[]>(sql, [id])).length }).toEqual({ sql, rows: 0 });
    }
    const [fact] = await ctx.owner.query<[{ pseudonym: string; ground: string; learner_id: string | null }]>(`SELECT pseudonym, ground, learner_id FROM ${s}.erasure_request WHERE id = $1`, [requested.id]);
    expect(fact).toEqual({ pseudonym: requested.pseudonym, ground: 'consent_withdrawn', learner_id: null });
    const [event] = await ctx.owner.query<[{ payload: { erasure: { referralIds: string[]; partnerId: string } } }]>(
      "SELECT payload FROM exchange.webhook_event WHERE type = 'learner.erased' AND partner_id = $1 AND region_id = $2",
      [partner.id, region.id],
    );
    expect(event.payload.erasure).toMatchObject({ partnerId: partner.id, referralIds: [p.referralId] });
    await request(server()).get(`/api/v1/partner/referrals/${p.referralId}`).set('authorization', asPartner).expect(404);
  }, 60_000);

  it('restriction blocks every change until lifted; corrections keep their history', async () => {
    const p = await person('85073003328');
    // A reason of whitespace alone is blank: 400 at the field (found by fuzzing: it was a 500).
    const blank = await api(asCoordinator).post(`/learners/${p.learnerId}/restriction`, { reason: '\r\n\t' }).expect(400);
    expect(blank.body).toMatchObject({ code: 'VALIDATION.FAILED', errors: [{ field: 'reason' }] });
    const restricted = (await api(asCoordinator).post(`/learners/${p.learnerId}/restriction`, { reason: 'Betwist de juistheid' }).expect(201)).body as { version: number; restriction: { reason: string } };
    expect(restricted.restriction.reason).toBe('Betwist de juistheid');
    const attempts = [
      api(asCounsellor).patch(`/learners/${p.learnerId}`, { phone: '+32 470 00 00 00' }, restricted.version),
      api(asCounsellor).post('/cases', { learnerId: p.learnerId, kind: 'info' }),
      api(asCounsellor).post(`/cases/${p.caseId}/contacts`, { occurredAt: new Date().toISOString(), durationMinutes: 10, channel: 'phone', kind: 'follow_up' }),
      api(asCounsellor).post(`/cases/${p.caseId}/transitions`, { to: 'guidance', note: 'heropend' }),
      api(asCounsellor).post(`/cases/${p.caseId}/referrals`, { partnerId: partner.id, share: { contactData: false, learningQuestion: false, educationLevel: false, dutchLevel: false } }),
      api(asCounsellor).post(`/learners/${p.learnerId}/consents`, { purpose: 'statistics', textVersion: 'v1' }),
    ];
    for (const attempt of attempts) expect((await attempt).body).toMatchObject({ status: 409, code: 'LEARNER.RESTRICTED' });
    const lifted = (await api(asCoordinator).delete(`/learners/${p.learnerId}/restriction`).expect(200)).body as { version: number; restriction: null };
    expect(lifted.restriction).toBeNull();
    await api(asCounsellor).patch(`/learners/${p.learnerId}`, { phone: '+32 470 00 00 00' }, lifted.version).expect(200);
    const history = (await api(asCounsellor).get(`/learners/${p.learnerId}/history`).expect(200)).body as { items: { field: string; oldValue: string | null; newValue: string | null }[] };
    // Newest first.
    expect(history.items.map((h) => h.field)).toEqual(['phone', 'restriction', 'restriction', 'lastName']);
    expect(history.items[3]).toMatchObject({ oldValue: `${p.mark}Naam`, newValue: `${p.mark}Nieuw` });
    expect(history.items[0]).toMatchObject({ oldValue: '+32 470 11 22 33', newValue: '+32 470 00 00 00' });
  }, 60_000);

  it('keeps health and the INSZ for the case’s counsellors and the coordinators, encrypted, every reveal audited', async () => {
    const p = await person('85073003328');
    const [stored] = await ctx.owner.query<[{ barriers: string[]; health: Buffer }]>(`SELECT barriers, health_barrier AS health FROM "${region.schemaName}".guidance_case WHERE id = $1`, [p.caseId]);
    expect(stored.barriers).toEqual(['time']);
    expect(stored.health.toString('latin1')).not.toContain('true');
    const kase = (await api(asCounsellor).get(`/cases/${p.caseId}`).expect(200)).body as { barriers: string[] };
    expect(kase.barriers).toEqual(['time']);
    await api(asOtherCounsellor).get(`/cases/${p.caseId}/sensitive`).expect(403);
    await api(asOtherCounsellor).get(`/learners/${p.learnerId}/insz`).expect(403);
    expect((await api(asCounsellor).get(`/cases/${p.caseId}/sensitive`).expect(200)).body).toEqual({ healthBarrier: true });
    expect((await api(asCoordinator).get(`/cases/${p.caseId}/sensitive`).expect(200)).body).toEqual({ healthBarrier: true });
    const audited = await ctx.owner.query<unknown[]>("SELECT 1 FROM platform.audit_event WHERE action = 'learner.health.revealed' AND target_id = $1", [p.caseId]);
    expect(audited).toHaveLength(2);
    const log = await ctx.owner.query<{ parts: string[] }[]>(`SELECT parts FROM "${region.schemaName}".learner_access WHERE learner_id = $1 AND 'health' = ANY (parts)`, [p.learnerId]);
    expect(log).toHaveLength(2);
  }, 60_000);
});
