import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RegionSettingsRepository } from '../../src/modules/regions/region-settings.repository.js';
import type { ProvisionedRegion } from '../../src/tenancy/region-provisioner.js';
import { RegionUnitOfWork } from '../../src/tenancy/region-unit-of-work.js';
import { RegionRegistryRepository } from '../../src/tenancy/region-registry.repository.js';
import { createTestContext, regionRef, type TestContext } from '../support/test-context.js';

describe('region isolation enforced by PostgreSQL', () => {
  let ctx: TestContext;
  let app: NestExpressApplication;
  let unitOfWork: RegionUnitOfWork;
  let settings: RegionSettingsRepository;
  let a: ProvisionedRegion;
  let b: ProvisionedRegion;

  beforeAll(async () => {
    ctx = await createTestContext();
    [a, b] = await Promise.all([ctx.newRegion(), ctx.newRegion()]);
    app = await ctx.newApp({ poolSize: 1 });
    unitOfWork = app.get(RegionUnitOfWork);
    settings = app.get(RegionSettingsRepository);
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('rows written in region A are invisible from region B through every repository', async () => {
    await unitOfWork.runIn(regionRef(a), (m) => settings.update(m, { contactEmail: 'a@region-a.example', referralExpiryDays: 30 }));

    const seenFromB = await unitOfWork.runIn(regionRef(b), (m) => settings.get(m));
    expect(seenFromB.contactEmail).toBeNull();
    expect(seenFromB.referralExpiryDays).toBe(14);
    const seenFromA = await unitOfWork.runIn(regionRef(a), (m) => settings.get(m));
    expect(seenFromA.contactEmail).toBe('a@region-a.example');

    // The registry is platform data: it resolves each slug to its own schema and role, nothing else.
    const registry = app.get(RegionRegistryRepository);
    const member = await ctx.newUser({ regions: { [a.slug]: 'counsellor' } });
    expect(await registry.findActiveWithRole(a.slug, member.id)).toMatchObject({ region: { schemaName: a.schemaName, roleName: a.roleName }, role: 'counsellor' });
    expect(await registry.findActiveWithRole(b.slug, member.id)).toMatchObject({ region: { schemaName: b.schemaName, roleName: b.roleName }, role: null });
  });

  it("inside region A's unit of work, region B's schema and the platform's tables are refused by PostgreSQL", async () => {
    const inA = <T>(sql: string): Promise<T> => unitOfWork.runIn(regionRef(a), (m) => m.query<T>(sql));

    await expect(inA(`SELECT * FROM "${b.schemaName}".region_settings`)).rejects.toThrow(
      `permission denied for schema ${b.schemaName}`,
    );
    await expect(inA(`UPDATE "${b.schemaName}".region_settings SET insz_enabled = true`)).rejects.toThrow(
      `permission denied for schema ${b.schemaName}`,
    );
    await expect(inA('SELECT * FROM platform.region')).rejects.toThrow('permission denied for schema platform');
    await expect(inA(`SELECT * FROM "${a.schemaName}".migrations`)).rejects.toThrow('permission denied for table migrations');
    await expect(inA('CREATE TABLE sneaky (id int)')).rejects.toThrow(`permission denied for schema ${a.schemaName}`);
    await expect(inA('DROP TABLE region_settings')).rejects.toThrow('must be owner of table region_settings');

    // Shared reference data is readable, not writable.
    const regions = await inA<{ slug: string }[]>('SELECT slug FROM reference.region');
    expect(regions.map((r) => r.slug)).toEqual(expect.arrayContaining([a.slug, b.slug]));
    await expect(inA("DELETE FROM reference.region WHERE slug = 'x'")).rejects.toThrow('permission denied');
  });

  it('a query without a region context fails', async () => {
    await expect(unitOfWork.run(() => Promise.resolve('never'))).rejects.toThrow('No region context');

    const pool = app.get<DataSource>(getDataSourceToken());
    // The login role's search_path holds no region schema: unqualified names resolve to nothing ...
    await expect(pool.query('SELECT * FROM region_settings')).rejects.toThrow('relation "region_settings" does not exist');
    // ... and it has no privileges of its own on any region schema.
    await expect(pool.query(`SELECT * FROM "${a.schemaName}".region_settings`)).rejects.toThrow(
      `permission denied for schema ${a.schemaName}`,
    );
  });

  it('the role and search_path end with the transaction, also after a rollback', async () => {
    const pool = app.get<DataSource>(getDataSourceToken()); // pool of one connection: the same session every time
    await expect(
      unitOfWork.runIn(regionRef(a), async (m) => {
        await m.query('UPDATE region_settings SET referral_expiry_days = 60');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const [session] = (await pool.query<[{ role: string; search_path: string }]>(
      "SELECT current_user AS role, current_setting('search_path') AS search_path",
    ));
    expect(session).toEqual({ role: ctx.identity.roles.app, search_path: '""' });
    const after = await unitOfWork.runIn(regionRef(a), (m) => settings.get(m));
    expect(after.referralExpiryDays).toBe(30);
  });
});
