import type { DataSource } from 'typeorm';
import { ProblemCode } from '@leerwinkel/contracts';
import { DomainError } from '../../common/problem/domain-error.js';
import { RegionProvisioner } from '../../tenancy/region-provisioner.js';
import type { PlatformRoles } from '../../tenancy/region-naming.js';

/** The six demo leerwinkels (model 1 of the GOAL blueprint: one per province plus Brussels). */
export const DEMO_REGIONS: readonly { slug: string; displayName: string }[] = [
  { slug: 'west-vlaanderen', displayName: 'Leerwinkel West-Vlaanderen' },
  { slug: 'oost-vlaanderen', displayName: 'Leerwinkel Oost-Vlaanderen' },
  { slug: 'antwerpen', displayName: 'Leerwinkel Antwerpen' },
  { slug: 'limburg', displayName: 'Leerwinkel Limburg' },
  { slug: 'vlaams-brabant', displayName: 'Leerwinkel Vlaams-Brabant' },
  { slug: 'brussel', displayName: 'Leerwinkel Brussel' },
];

/** Idempotent: provisions, through the normal provisioning path, the demo regions that do not exist yet. */
export async function seedDemoData(owner: DataSource, prefix: string, roles: PlatformRoles): Promise<string[]> {
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
