import { expect } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { ProvisionedRegion } from '../../src/tenancy/region-provisioner.js';
import type { ProbeAnswer } from './probe.module.js';

/**
 * The isolation attack: `requests` interleaved requests, `inFlight` at a time, over the given regions — writes,
 * writes that fail after writing (must roll back), probe reads and the real settings route — on an app built
 * with ProbeModule. Asserts that no answer carries another region's data and that every region ends with one
 * of its own committed writes, never a rolled-back one. The user behind `authorization` is a counsellor in
 * every region.
 */
export async function runIsolationAttack(app: NestExpressApplication, regions: readonly ProvisionedRegion[], authorization: string, requests: number, inFlight: number): Promise<void> {
  const server = app.getHttpServer();
  const committed = new Map<string, Set<string>>(regions.map((r) => [r.slug, new Set<string>()]));
  const rolledBack = new Set<string>();
  const leaks: string[] = [];
  let next = 0;

  const one = async (i: number): Promise<void> => {
    const region = regions[(i + Math.floor(i / 4)) % regions.length] as ProvisionedRegion; // every kind in every region
    const kind = i % 4; // 0: write, 1: write then throw, 2: probe read, 3: the real settings route
    const marker = `${region.slug}.${i}@probe.example`;
    if (kind === 0 || kind === 1) {
      const response = await request(server)
        .post(`/api/v1/regions/${region.slug}/probe`)
        .set('authorization', authorization)
        .query({ marker, fail: kind === 1 ? '1' : '0' });
      if (kind === 1) {
        expect(response.status).toBe(500);
        expect(response.type).toBe('application/problem+json');
        rolledBack.add(marker);
        return;
      }
      expect(response.status).toBe(201);
      committed.get(region.slug)?.add(marker);
      check(region, response.body as ProbeAnswer, marker);
    } else if (kind === 2) {
      const response = await request(server).get(`/api/v1/regions/${region.slug}/probe`).set('authorization', authorization);
      expect(response.status).toBe(200);
      check(region, response.body as ProbeAnswer);
    } else {
      const response = await request(server).get(`/api/v1/regions/${region.slug}/settings`).set('authorization', authorization);
      expect(response.status).toBe(200);
      const body = response.body as { region: string; contactEmail: string | null };
      if (body.region !== region.slug || !(body.contactEmail === null || body.contactEmail.startsWith(`${region.slug}.`))) {
        leaks.push(`settings of ${region.slug} answered ${JSON.stringify(body)}`);
      }
    }
  };
  const check = (region: ProvisionedRegion, answer: ProbeAnswer, ownWrite?: string): void => {
    const foreign =
      answer.schema !== region.schemaName ||
      answer.role !== region.roleName ||
      !(answer.email === null || answer.email.startsWith(`${region.slug}.`)) ||
      (ownWrite !== undefined && answer.email !== ownWrite);
    if (foreign) leaks.push(`${region.slug} answered ${JSON.stringify(answer)}`);
  };

  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      for (let i = next++; i < requests; i = next++) await one(i);
    }),
  );

  expect(leaks).toEqual([]);
  expect(rolledBack.size).toBe(requests / 4);
  // Every region ends with one of its own committed writes, never a rolled-back one.
  for (const region of regions) {
    const answer = (await request(server).get(`/api/v1/regions/${region.slug}/probe`).set('authorization', authorization)).body as ProbeAnswer;
    expect(committed.get(region.slug)?.has(answer.email ?? '')).toBe(true);
    expect(rolledBack.has(answer.email ?? '')).toBe(false);
  }
}
