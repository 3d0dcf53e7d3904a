import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { ProvisionedRegion } from '../../src/tenancy/region-provisioner.js';
import { createTestContext, signIn, type TestContext, type TestUser } from '../support/test-context.js';

/**
 * The lists that used to answer everything at once (or silently cut at 500 or 200) page like every other list:
 * walking the pages with a small `limit` yields every item exactly once, in order, ties included (rows written in
 * one statement share their timestamp to the microsecond, so only the id tells them apart), and a cursor the
 * API did not issue is a 400 on `cursor`.
 */

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const LIMIT = 2;

describe('list paging', () => {
  let ctx: TestContext;
  let app: NestExpressApplication;
  let region: ProvisionedRegion;
  let coordinator: TestUser;
  const auth: Record<'coordinator' | 'admin', string> = { coordinator: '', admin: '' };
  const server = () => app.getHttpServer();
  const regionUrl = (path: string) => `/api/v1/regions/${region.slug}${path}`;
  const table = (name: string) => `"${region.schemaName}".${name}`;

  /** Every page of a list, following nextCursor; each page is checked for its size and shape. */
  async function walk<T>(url: string, authorization: string, query: Record<string, string> = {}): Promise<{ items: T[]; pages: Page<T>[] }> {
    const pages: Page<T>[] = [];
    let cursor: string | undefined;
    do {
      const response = await request(server())
        .get(url)
        .set('authorization', authorization)
        .query({ ...query, limit: String(LIMIT), ...(cursor ? { cursor } : {}) })
        .expect(200);
      const page = response.body as Page<T>;
      expect(page.items.length).toBeLessThanOrEqual(LIMIT);
      pages.push(page);
      cursor = page.nextCursor ?? undefined;
      expect(pages.length).toBeLessThan(50);
    } while (cursor);
    return { items: pages.flatMap((page) => page.items), pages };
  }

  async function newLearner(createdAt = 'now()'): Promise<string> {
    const [row] = await ctx.owner.query<[{ id: string }]>(
      `INSERT INTO ${table('learner')} (first_name, last_name, date_of_birth, gender, native_language, dutch_level, education_level, employment_status, referral_source, created_by, created_at)
       VALUES ('Lotte', $1, '1985-03-04', 'female', 'nl', 'native', 'isced_2', 'job_seeker', 'self', $2, ${createdAt}) RETURNING id`,
      [`Pagina ${randomUUID().slice(0, 8)}`, coordinator.id],
    );
    return row.id;
  }

  async function newCase(learnerId: string): Promise<string> {
    const response = await request(server())
      .post(regionUrl('/cases'))
      .set('authorization', auth.coordinator)
      .send({ learnerId, kind: 'guidance', themes: ['vocational_training'] })
      .expect(201);
    return (response.body as { id: string }).id;
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    region = await ctx.newRegion();
    app = await ctx.newApp();
    coordinator = await ctx.newUser({ regions: { [region.slug]: 'coordinator' } });
    auth.coordinator = (await signIn(app, coordinator)).authorization;
    auth.admin = (await signIn(app, await ctx.newUser({ centralRole: 'platform_admin' }))).authorization;
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('upcoming anonymisations: every due learner across pages, soonest first, ties by id — no cut-off', async () => {
    // Five learners due at the same instant (one statement) and two at their own moments, all within the coming days
    // (not yet due: an API process of another test file runs the nightly retention at start and would take them).
    const tied = (
      await ctx.owner.query<{ id: string }[]>(
        `INSERT INTO ${table('learner')} (first_name, last_name, date_of_birth, gender, native_language, dutch_level, education_level, employment_status, referral_source, created_by, created_at)
         SELECT 'Gelijk', 'Tijd ' || n, '1980-01-01', 'male', 'nl', 'native', 'isced_2', 'job_seeker', 'self', $1, now() - interval '12 months' + interval '1 day'
           FROM generate_series(1, 5) n RETURNING id`,
        [coordinator.id],
      )
    ).map((row) => row.id);
    const earlier = await newLearner("now() - interval '12 months' + interval '6 hours'");
    const later = await newLearner("now() - interval '12 months' + interval '3 days'");
    await newLearner(); // not due for a year: never listed
    const { items, pages } = await walk<{ learnerId: string; anonymiseOn: string }>(regionUrl('/retention/upcoming'), auth.coordinator, { days: '30' });
    expect(items.map((item) => item.learnerId)).toEqual([earlier, ...[...tied].sort(), later]);
    expect(pages.length).toBe(4);
    for (const page of pages) expect(page).toMatchObject({ retentionInfoMonths: 12, retentionGuidanceMonths: 60 });
    // The filter still applies across pages: the next 2 days hold everything but the one due in 3 days.
    const soon = await walk<{ learnerId: string }>(regionUrl('/retention/upcoming'), auth.coordinator, { days: '2' });
    expect(soon.items.map((item) => item.learnerId)).toEqual([earlier, ...[...tied].sort()]);
  });

  it('erasure requests: newest first across pages with the status filter; a second request is refused exactly when one is pending', async () => {
    const learners = await Promise.all([0, 1, 2, 3, 4].map(() => newLearner()));
    const requested = await ctx.owner.query<{ id: string; status: string }[]>(
      `INSERT INTO ${table('erasure_request')} (learner_id, ground, status, requested_by, requested_at)
       SELECT l, 'other', CASE WHEN ord % 2 = 0 THEN 'cancelled' ELSE 'pending' END, $2, now() - interval '1 day'
         FROM unnest($1::uuid[]) WITH ORDINALITY AS t(l, ord) RETURNING id, status`,
      [learners, coordinator.id],
    );
    const all = await walk<{ id: string; status: string }>(regionUrl('/erasure-requests'), auth.coordinator);
    expect(all.items.map((item) => item.id)).toEqual(requested.map((row) => row.id).sort().reverse());
    const pending = await walk<{ id: string; status: string }>(regionUrl('/erasure-requests'), auth.coordinator, { status: 'pending' });
    expect(pending.items.map((item) => item.id)).toEqual(requested.filter((row) => row.status === 'pending').map((row) => row.id).sort().reverse());
    // One learner's pending request, asked for exactly (the learner page does this).
    const oneLearner = await request(server()).get(regionUrl('/erasure-requests')).set('authorization', auth.coordinator).query({ status: 'pending', learnerId: learners[4], limit: '1' }).expect(200);
    expect((oneLearner.body as Page<{ id: string }>).items.map((item) => item.id)).toEqual([requested[4]?.id]);
    // The check is an exact query on the learner, not a look through a page of the list.
    for (const learnerId of learners) {
      const again = await request(server()).post(regionUrl(`/learners/${learnerId}/erasure-requests`)).set('authorization', auth.coordinator).send({ ground: 'other' });
      const wasPending = requested[learners.indexOf(learnerId)]?.status === 'pending';
      expect(again.status).toBe(wasPending ? 409 : 201);
    }
  });

  it("a partner's offers: by name across pages (equal names by id), and q pages through the matches only", async () => {
    const partner = await ctx.newPartner();
    const names = ['Nederlands richtgraad 1', 'Nederlands richtgraad 1', 'Nederlands richtgraad 2', 'Wiskunde', 'Lassen', 'Néderlands avond', 'Boekhouden'];
    const offers = await ctx.owner.query<{ id: string; name: string }[]>(
      'INSERT INTO platform.offer (partner_id, name) SELECT $1, unnest($2::text[]) RETURNING id, name',
      [partner.id, names],
    );
    const expected = (await ctx.owner.query<{ id: string; name: string }[]>('SELECT id, name FROM platform.offer WHERE partner_id = $1 ORDER BY name, id', [partner.id])).map((row) => row.id);
    const all = await walk<{ id: string; name: string }>(`/api/v1/partners/${partner.id}/offers`, auth.coordinator);
    expect(all.items.map((item) => item.id)).toEqual(expected);
    expect(all.items.length).toBe(offers.length);
    const tiedPair = all.items.filter((item) => item.name === 'Nederlands richtgraad 1').map((item) => item.id);
    expect(tiedPair).toEqual([...tiedPair].sort());
    const matches = await walk<{ id: string; name: string }>(`/api/v1/partners/${partner.id}/offers`, auth.coordinator, { q: 'nederlands' });
    expect(matches.items.map((item) => item.name).sort()).toEqual(names.filter((name) => /n[eé]derlands/i.test(name)).sort());
    expect(matches.pages.length).toBe(2);
    const tooLong = await request(server()).get(`/api/v1/partners/${partner.id}/offers`).set('authorization', auth.coordinator).query({ q: 'x'.repeat(101) });
    expect(tooLong.status).toBe(400);
  });

  it("a learner's consents and corrections, a case's gap signals and referrals: every item once, in order", async () => {
    const learnerId = await newLearner();
    const consents = await ctx.owner.query<{ id: string }[]>(
      `INSERT INTO ${table('consent')} (learner_id, purpose, text_version, given_at, registered_by)
       SELECT $1, 'outcome_follow_up', 'v' || n, now() - interval '1 hour', $2 FROM generate_series(1, 5) n RETURNING id`,
      [learnerId, coordinator.id],
    );
    const consentPages = await walk<{ id: string }>(regionUrl(`/learners/${learnerId}/consents`), auth.coordinator);
    expect(consentPages.items.map((item) => item.id)).toEqual(consents.map((row) => row.id).sort().reverse());

    const history = await ctx.owner.query<{ id: string }[]>(
      `INSERT INTO ${table('learner_history')} (learner_id, field, old_value, new_value, changed_by)
       SELECT $1, 'lastName', 'Oud ' || n, 'Nieuw ' || n, $2 FROM generate_series(1, 5) n RETURNING id::text AS id`,
      [learnerId, coordinator.id],
    );
    const historyPages = await walk<{ id: string }>(regionUrl(`/learners/${learnerId}/history`), auth.coordinator);
    expect(historyPages.items.map((item) => item.id)).toEqual(history.map((row) => row.id).sort((a, b) => Number(b) - Number(a)));

    const caseId = await newCase(learnerId);
    const gaps = await ctx.owner.query<{ id: string }[]>(
      `INSERT INTO ${table('offer_gap')} (case_id, theme, signalled_by) SELECT $1, 'vocational_training', $2 FROM generate_series(1, 5) RETURNING id`,
      [caseId, coordinator.id],
    );
    const gapPages = await walk<{ id: string }>(regionUrl(`/cases/${caseId}/offer-gaps`), auth.coordinator);
    expect(gapPages.items.map((item) => item.id)).toEqual(gaps.map((row) => row.id).sort().reverse());

    const sent: string[] = [];
    for (let i = 0; i < LIMIT + 1; i++) {
      const partner = await ctx.newPartner();
      await request(server()).post(regionUrl(`/learners/${learnerId}/consents`)).set('authorization', auth.coordinator).send({ purpose: 'partner_sharing', partnerId: partner.id, textVersion: 'v1' }).expect(201);
      const referral = await request(server())
        .post(regionUrl(`/cases/${caseId}/referrals`))
        .set('authorization', auth.coordinator)
        .send({ partnerId: partner.id, share: { contactData: false, learningQuestion: false, educationLevel: true, dutchLevel: true } })
        .expect(201);
      sent.unshift((referral.body as { id: string }).id);
    }
    const referralPages = await walk<{ id: string }>(regionUrl(`/cases/${caseId}/referrals`), auth.coordinator);
    expect(referralPages.items.map((item) => item.id)).toEqual(sent);
  });

  it("a region's organisations, a partner's API clients and a region's webhook endpoints: every item once, in order", async () => {
    const organisations = await ctx.owner.query<{ id: string; name: string }[]>(
      "INSERT INTO platform.organisation (region_id, name) SELECT $1, 'Organisatie ' || n FROM generate_series(1, 5) n RETURNING id, name",
      [region.id],
    );
    const organisationPages = await walk<{ id: string }>(regionUrl('/organisations'), auth.coordinator);
    expect(organisationPages.items.map((item) => item.id)).toEqual([...organisations].sort((a, b) => a.name.localeCompare(b.name)).map((row) => row.id));

    const partner = await ctx.newPartner();
    const clients = await ctx.owner.query<{ id: string; client_id: string }[]>(
      `INSERT INTO platform.partner_client (client_id, partner_id, name, secret_hash, scopes)
       SELECT 'lwc_paging' || n || $2, $1, 'Koppeling ' || n, 'x', '{referrals:read}' FROM generate_series(1, 5) n RETURNING id, client_id`,
      [partner.id, randomUUID().slice(0, 8)],
    );
    const clientPages = await walk<{ clientId: string }>(`/api/v1/admin/partners/${partner.id}/clients`, auth.admin);
    const clientOrder = new Map(clients.map((row) => [row.client_id, row.id]));
    expect(clientPages.items.map((item) => item.clientId)).toEqual([...clientOrder.keys()].sort((a, b) => ((clientOrder.get(a) ?? '') < (clientOrder.get(b) ?? '') ? -1 : 1)));

    const endpoints = await ctx.owner.query<{ id: string }[]>(
      `INSERT INTO exchange.webhook_endpoint (region_id, url, event_types, secret)
       SELECT $1, 'https://hooks.example/' || n, '{referral.created}', '\\x00' FROM generate_series(1, 5) n RETURNING id`,
      [region.id],
    );
    const endpointPages = await walk<{ id: string }>(regionUrl('/webhooks'), auth.coordinator);
    expect(endpointPages.items.map((item) => item.id)).toEqual(endpoints.map((row) => row.id).sort());
  });

  it('lists keyed on a moment keep its microseconds in the cursor: rows within one millisecond are neither skipped nor repeated', async () => {
    // Three rows in the same millisecond, microseconds apart: a cursor rounded to the millisecond (a JavaScript
    // Date) skipped the earliest on a newest-first list and served the first page again on an oldest-first one.
    const moments = ['2026-11-02T09:00:00.000100Z', '2026-11-02T09:00:00.000300Z', '2026-11-02T09:00:00.000500Z'];
    const partner = await ctx.newPartner();
    const registrations: string[] = [];
    for (const moment of moments) {
      const [row] = await ctx.owner.query<[{ id: string }]>(
        `INSERT INTO exchange.registration (region_id, partner_id, payload, consent_reference, created_at)
         VALUES ($1, $2, '{"learner": {"firstName": "Micro", "lastName": "Seconde", "dateOfBirth": "1990-01-01"}, "learningQuestion": null}', 'paging', $3) RETURNING id`,
        [region.id, partner.id, moment],
      );
      registrations.push(row.id);
    }
    const inbox = await walk<{ id: string }>(regionUrl('/registrations'), auth.coordinator);
    expect(inbox.items.map((r) => r.id).filter((id) => registrations.includes(id))).toEqual(registrations);
    expect(new Set(inbox.items.map((r) => r.id)).size).toBe(inbox.items.length);

    const caseId = await newCase(await newLearner());
    const contacts: string[] = [];
    for (const moment of moments) {
      const [row] = await ctx.owner.query<[{ id: string }]>(
        `INSERT INTO ${table('contact')} (case_id, occurred_at, duration_minutes, channel, kind, counsellor_id) VALUES ($1, $2, 30, 'phone', 'guidance', $3) RETURNING id`,
        [caseId, moment, coordinator.id],
      );
      contacts.push(row.id);
    }
    const timeline = await walk<{ id: string }>(regionUrl(`/cases/${caseId}/contacts`), auth.coordinator);
    expect(timeline.items.map((c) => c.id)).toEqual([...contacts].reverse());
  });

  it('refuses a cursor it did not issue on every newly paged list: 400 problem on cursor', async () => {
    const forged = (position: unknown) => Buffer.from(JSON.stringify(position)).toString('base64url');
    const id = '00000000-0000-4000-8000-0000000000aa';
    const lists: [string, string][] = [
      [regionUrl('/retention/upcoming'), auth.coordinator],
      [regionUrl('/erasure-requests'), auth.coordinator],
      [`/api/v1/partners/${id}/offers`, auth.coordinator],
      [regionUrl(`/learners/${id}/consents`), auth.coordinator],
      [regionUrl(`/learners/${id}/history`), auth.coordinator],
      [regionUrl(`/cases/${id}/offer-gaps`), auth.coordinator],
      [regionUrl(`/cases/${id}/referrals`), auth.coordinator],
      [regionUrl('/organisations'), auth.coordinator],
      [regionUrl('/webhooks'), auth.coordinator],
      [`/api/v1/admin/partners/${id}/clients`, auth.admin],
    ];
    const accepted: string[] = [];
    for (const [url, authorization] of lists) {
      for (const cursor of [forged({ t: "2026-01-01' OR 1=1 --", id }), forged({ t: '2026-01-01T00:00:00.000Z', id }), forged({ n: 'x', id: 'nope' }), forged({ id: '1; DROP TABLE x' }), forged([1, 2]), 'bm90LWpzb24']) {
        const response = await request(server()).get(url).set('authorization', authorization).query({ cursor });
        if (response.status !== 400 || (response.body as { errors?: { field: string }[] }).errors?.[0]?.field !== 'cursor') {
          accepted.push(`${url} ${cursor}: ${String(response.status)}`);
        }
      }
    }
    expect(accepted).toEqual([]);
  });
});
