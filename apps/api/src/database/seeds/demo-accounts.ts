import type { CentralRole, RegionRole } from '@leerwinkel/contracts';

/** The six demo leerwinkels (model 1 of the GOAL blueprint: one per province plus Brussels). */
export const DEMO_REGIONS: readonly { slug: string; displayName: string }[] = [
  { slug: 'west-vlaanderen', displayName: 'Leerwinkel West-Vlaanderen' },
  { slug: 'oost-vlaanderen', displayName: 'Leerwinkel Oost-Vlaanderen' },
  { slug: 'antwerpen', displayName: 'Leerwinkel Antwerpen' },
  { slug: 'limburg', displayName: 'Leerwinkel Limburg' },
  { slug: 'vlaams-brabant', displayName: 'Leerwinkel Vlaams-Brabant' },
  { slug: 'brussel', displayName: 'Leerwinkel Brussel' },
];

/** Demo only: every demo account has this password (the README lists them). */
export const DEMO_PASSWORD = 'Leerwinkel-demo-2026';

export interface DemoAccount {
  email: string;
  displayName: string;
  role: string;
}

export const DEMO_CENTRAL_ACCOUNTS: readonly (DemoAccount & { centralRole: CentralRole })[] = [
  { email: 'analist@ondersteuningspunt.leerwinkel.test', displayName: 'Demo analist (ondersteuningspunt)', role: 'analyst', centralRole: 'analyst' },
  { email: 'admin@ondersteuningspunt.leerwinkel.test', displayName: 'Demo platformbeheerder', role: 'platform admin', centralRole: 'platform_admin' },
];

export function demoRegionAccounts(slug: string, regionName: string): (DemoAccount & { regionRole: RegionRole })[] {
  return [
    { email: `begeleider@${slug}.leerwinkel.test`, displayName: `Demo begeleider (${regionName})`, role: 'counsellor', regionRole: 'counsellor' },
    { email: `coordinator@${slug}.leerwinkel.test`, displayName: `Demo coördinator (${regionName})`, role: 'coordinator', regionRole: 'coordinator' },
  ];
}

