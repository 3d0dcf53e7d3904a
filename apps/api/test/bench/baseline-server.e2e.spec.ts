import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createBaselineServer } from '../../src/bench/baseline-server.js';
import { recordSql } from '../support/sql-recorder.js';
import { createTestContext, signIn, type TestContext } from '../support/test-context.js';

/**
 * The benchmark's baseline (src/bench/baseline-server.ts) is only a fair yardstick if it does what the API does:
 * for every route it serves, the same answer and the same SQL statements (text and parameters; the same ones
 * inside the region transaction, in the same order).
 */
describe('bench baseline server: the same answers and the same SQL as the API', () => {
  let ctx: TestContext;
  let app: NestExpressApplication;
  let baseline: ReturnType<typeof createBaselineServer>;
  let baselineUrl: string;
  let authorization: string;
  let base: string;
  let caseId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    app = await ctx.newApp({ poolSize: 3 });
    baseline = createBaselineServer({ ...ctx.config, database: { ...ctx.config.database, poolSize: 3 } });
    await new Promise<void>((resolve) => baseline.server.listen(0, '127.0.0.1', resolve));
    baselineUrl = `http://127.0.0.1:${String((baseline.server.address() as AddressInfo).port)}`;

    const region = await ctx.newRegion();
    const user = await ctx.newUser({ regions: { [region.slug]: 'coordinator' } });
    ({ authorization } = await signIn(app, user));
    base = `/api/v1/regions/${region.slug}`;
    const post = (url: string, body: object) => request(app.getHttpServer()).post(`${base}${url}`).set('authorization', authorization).send(body);
    const learner = await post('/learners', {
      firstName: 'Baseline', lastName: 'Vergelijking', dateOfBirth: '1981-02-03', gender: 'female', email: 'baseline@voorbeeld.be', postalCode: '8000',
      municipality: 'Brugge', nativeLanguage: 'nl', dutchLevel: 'native', educationLevel: 'isced_2', employmentStatus: 'job_seeker',
      targetGroups: ['low_qualified'], referralSource: 'vdab',
    });
    caseId = ((await post('/cases', { learnerId: (learner.body as { id: string }).id, kind: 'guidance', learningQuestion: 'Nederlands leren' })).body as { id: string }).id;
    await post(`/cases/${caseId}/transitions`, { to: 'intake' }).expect(200);
    await post(`/cases/${caseId}/contacts`, { occurredAt: '2026-03-04T09:30:00Z', durationMinutes: 45, channel: 'phone', kind: 'intake', notes: 'Eerste gesprek' }).expect(201);
  });

  afterAll(async () => {
    await baseline.close();
    await ctx.close();
  });

  /** Sends the same request to one server, recording its SQL. */
  async function call(target: 'api' | 'baseline', method: 'get' | 'post', url: string, body?: object) {
    const recorder = recordSql();
    try {
      const pending = request(target === 'api' ? app.getHttpServer() : baselineUrl)[method](`${base}${url}`).set('authorization', authorization);
      const response = body ? await pending.send(body) : await pending;
      return { status: response.status, body: response.body as Record<string, unknown>, etag: response.headers.etag, statements: recorder.statements };
    } finally {
      recorder.stop();
    }
  }

  const inTransaction = (statements: string[]) => statements.slice(statements.findIndex((s) => s.startsWith('START TRANSACTION')), statements.findIndex((s) => s.startsWith('COMMIT')) + 1);

  it.each([['the case', ''], ['its status changes', '/transitions'], ['its conversations', '/contacts']])('GET %s', async (_label, part) => {
    const api = await call('api', 'get', `/cases/${caseId}${part}`);
    const ours = await call('baseline', 'get', `/cases/${caseId}${part}`);
    expect(api.status).toBe(200);
    expect(ours.status).toBe(200);
    expect(ours.body).toEqual(api.body);
    // The case's version as its ETag (Express also adds a hash ETag to other JSON answers: framework work).
    if (part === '') expect(ours.etag).toBe(api.etag);
    expect(inTransaction(api.statements).length).toBeGreaterThanOrEqual(4);
    expect(inTransaction(ours.statements)).toEqual(inTransaction(api.statements));
    expect([...ours.statements].sort()).toEqual([...api.statements].sort());
  });

  it('POST a conversation', async () => {
    const contact = { occurredAt: '2026-03-05T14:00:00Z', durationMinutes: 30, channel: 'video', kind: 'guidance' };
    const api = await call('api', 'post', `/cases/${caseId}/contacts`, contact);
    const ours = await call('baseline', 'post', `/cases/${caseId}/contacts`, contact);
    expect(api.status).toBe(201);
    expect(ours.status).toBe(201);
    expect({ ...ours.body, id: 'new' }).toEqual({ ...api.body, id: 'new' });
    expect(inTransaction(ours.statements)).toEqual(inTransaction(api.statements));
    expect([...ours.statements].sort()).toEqual([...api.statements].sort());
    const listed = await call('api', 'get', `/cases/${caseId}/contacts`);
    expect((listed.body.items as { id: unknown }[]).map((item) => item.id)).toEqual(expect.arrayContaining([api.body.id, ours.body.id]));
  });

  it('refuses what the API refuses on these routes', async () => {
    const bad = [
      ['get', '/cases/not-a-uuid', undefined, 400],
      ['get', '/cases/7b51d6cc-a186-aa25-b8fc-00000000000f', undefined, 400],
      ['get', `/cases/00000000-0000-4000-8000-000000000000`, undefined, 404],
      ['post', `/cases/${caseId}/contacts`, { occurredAt: '2026-03-05T14:00:00Z', durationMinutes: 0, channel: 'video', kind: 'guidance' }, 400],
      ['post', `/cases/${caseId}/contacts`, { occurredAt: '2026-03-05T14:00:00Z', durationMinutes: 5, channel: 'video', kind: 'guidance', extra: 1 }, 400],
    ] as const;
    for (const [method, url, body, status] of bad) {
      expect((await call('api', method, url, body)).status).toBe(status);
      expect((await call('baseline', method, url, body)).status).toBe(status);
    }
    const anonymous = await request(baselineUrl).get(`${base}/cases/${caseId}`);
    expect(anonymous.status).toBe(401);
  });
});
