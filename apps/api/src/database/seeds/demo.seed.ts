import type { DataSource } from 'typeorm';
import { PasswordHasher } from '../../common/auth/password-hasher.js';
import { type CentralRole, ProblemCode } from '@leerwinkel/contracts';
import { DomainError } from '../../common/problem/domain-error.js';
import { RegionProvisioner } from '../../tenancy/region-provisioner.js';
import type { PlatformRoles } from '../../tenancy/region-naming.js';
import { DEMO_CENTRAL_ACCOUNTS, DEMO_PASSWORD, DEMO_REGIONS, demoRegionAccounts } from './demo-accounts.js';
import { seedDemoCatalogue } from './demo-catalogue.seed.js';
import { seedDemoGuidance } from './demo-guidance.seed.js';
import { seedDemoReferrals } from './demo-referrals.seed.js';

/** Idempotent: the demo regions (through the normal provisioning path), the demo accounts and their learners. */
export async function seedDemoData(owner: DataSource, prefix: string, roles: PlatformRoles): Promise<string[]> {
  const created = await seedDemoRegions(owner, prefix, roles);
  await seedDemoAccounts(owner);
  await seedDemoGuidance(owner);
  await seedDemoReferrals(owner);
  return created;
}

async function seedDemoRegions(owner: DataSource, prefix: string, roles: PlatformRoles): Promise<string[]> {
  const existing = new Set(
    (await owner.query<{ slug: string }[]>('SELECT slug FROM platform.region')).map((row) => row.slug),
  );
  const provisioner = new RegionProvisioner(owner, prefix, roles);
  const created: string[] = [];
  for (const region of DEMO_REGIONS) {
    if (existing.has(region.slug)) continue;
    try {
      await provisioner.provision(region.slug, region.displayName);
      created.push(region.slug);
    } catch (error) {
      // Another seeder created it meanwhile: that is the state we want.
      if (!(error instanceof DomainError && error.code === ProblemCode.REGION_ALREADY_EXISTS)) throw error;
    }
  }
  return created;
}

async function seedDemoAccounts(owner: DataSource): Promise<void> {
  const passwordHash = await new PasswordHasher().hash(DEMO_PASSWORD);
  await seedDemoCatalogue(owner, passwordHash);
  await owner.transaction(async (manager) => {
    const insertUser = async (email: string, displayName: string, centralRole: CentralRole | null): Promise<string> => {
      const rows = await manager.query<{ id: string }[]>(
        `INSERT INTO platform.user_account (email, display_name, password_hash, status, central_role)
         VALUES ($1, $2, $3, 'active', $4)
         ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email RETURNING id`,
        [email, displayName, passwordHash, centralRole],
      );
      const id = rows[0]?.id;
      if (!id) throw new Error(`demo account ${email} not created`);
      return id;
    };
    for (const account of DEMO_CENTRAL_ACCOUNTS) await insertUser(account.email, account.displayName, account.centralRole);
    for (const region of DEMO_REGIONS) {
      for (const account of demoRegionAccounts(region.slug, region.displayName)) {
        const userId = await insertUser(account.email, account.displayName, null);
        await manager.query(
          `INSERT INTO platform.region_membership (user_id, region_id, role)
           SELECT $1, id, $3 FROM platform.region WHERE slug = $2
           ON CONFLICT (user_id, region_id) DO NOTHING`,
          [userId, region.slug, account.regionRole],
        );
      }
    }
  });
}
