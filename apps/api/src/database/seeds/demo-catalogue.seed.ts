import type { DataSource } from 'typeorm';
import { PARTNER_SCOPES } from '@leerwinkel/contracts';
import { hashSecret } from '../../common/auth/token-hash.js';
import { DEMO_REGIONS } from './demo-accounts.js';

/**
 * Demo partner catalogue: VDAB and Syntra for every region, and per region a CVO, a CBE, a Huis van het
 * Nederlands and an OCMW, each with offers; one demo API client per partner (DEMO ONLY: the secrets are
 * public, in the README) and a partner-page user for each CVO. Idempotent.
 */
export interface DemoPartner {
  key: string;
  name: string;
  type: string;
  regions: string[];
  offers: { name: string; iscedLevel?: string; costEur?: number; startDates: string[]; municipality?: string }[];
}

const CITY: Record<string, { city: string; postalCode: string }> = {
  'west-vlaanderen': { city: 'Brugge', postalCode: '8000' },
  'oost-vlaanderen': { city: 'Gent', postalCode: '9000' },
  antwerpen: { city: 'Antwerpen', postalCode: '2000' },
  limburg: { city: 'Hasselt', postalCode: '3500' },
  'vlaams-brabant': { city: 'Leuven', postalCode: '3000' },
  brussel: { city: 'Brussel', postalCode: '1000' },
};

export function demoPartners(): DemoPartner[] {
  const all = DEMO_REGIONS.map((r) => r.slug);
  const partners: DemoPartner[] = [
    {
      key: 'vdab',
      name: 'VDAB',
      type: 'vdab',
      regions: all,
      offers: [
        { name: 'Opleiding logistiek medewerker', iscedLevel: 'isced_3', costEur: 0, startDates: ['2027-01-11', '2027-03-01'] },
        { name: 'Opleiding zorgkundige', iscedLevel: 'isced_4', costEur: 0, startDates: ['2027-02-01'] },
      ],
    },
    {
      key: 'syntra',
      name: 'Syntra Vlaanderen',
      type: 'syntra',
      regions: all,
      offers: [{ name: 'Bedrijfsbeheer (ondernemerschap)', iscedLevel: 'isced_4', costEur: 380, startDates: ['2027-02-15', '2027-09-13'] }],
    },
  ];
  for (const region of DEMO_REGIONS) {
    const { city } = CITY[region.slug] ?? { city: region.displayName };
    partners.push(
      {
        key: `cvo-${region.slug}`,
        name: `CVO ${city}`,
        type: 'cvo',
        regions: [region.slug],
        offers: [
          { name: 'Nederlands tweede taal — richtgraad 2', iscedLevel: 'isced_2', costEur: 0, startDates: ['2027-02-01', '2027-09-06'], municipality: city },
          { name: 'Tweedekansonderwijs (diploma secundair onderwijs)', iscedLevel: 'isced_3', costEur: 0, startDates: ['2027-09-06'], municipality: city },
        ],
      },
      { key: `cbe-${region.slug}`, name: `Ligo ${city}`, type: 'cbe', regions: [region.slug], offers: [{ name: 'Digitale basisvaardigheden', iscedLevel: 'isced_1', costEur: 0, startDates: ['2027-01-18'], municipality: city }] },
      { key: `hvhn-${region.slug}`, name: `Huis van het Nederlands ${city}`, type: 'huis_van_het_nederlands', regions: [region.slug], offers: [] },
      { key: `ocmw-${region.slug}`, name: `OCMW ${city}`, type: 'ocmw', regions: [region.slug], offers: [] },
    );
  }
  return partners;
}

/** DEMO ONLY: a partner's demo API client id and secret (printed by pnpm start, listed in the README). */
export function demoClient(partnerKey: string): { clientId: string; clientSecret: string } {
  return { clientId: `demo-${partnerKey}`, clientSecret: `demo-secret-${partnerKey}-2026` };
}

export function demoPartnerUserEmail(partnerKey: string): string {
  return `partner@${partnerKey}.leerwinkel.test`;
}

export async function seedDemoCatalogue(owner: DataSource, passwordHash: string): Promise<void> {
  await owner.transaction(async (manager) => {
    for (const partner of demoPartners()) {
      const existing = await manager.query<{ id: string }[]>('SELECT id FROM platform.partner WHERE lower(name) = lower($1)', [partner.name]);
      if (existing.length > 0) continue;
      const [created] = await manager.query<[{ id: string }]>(
        `INSERT INTO platform.partner (name, type, description) VALUES ($1, $2, 'Demo-partner (fictief).') RETURNING id`,
        [partner.name, partner.type],
      );
      await manager.query('INSERT INTO platform.partner_region (partner_id, region_id) SELECT $1, id FROM platform.region WHERE slug = ANY($2)', [created.id, partner.regions]);
      for (const offer of partner.offers) {
        await manager.query(
          'INSERT INTO platform.offer (partner_id, name, isced_level, cost_eur, start_dates, locations, status) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [created.id, offer.name, offer.iscedLevel ?? null, offer.costEur ?? null, offer.startDates, JSON.stringify(offer.municipality ? [{ name: 'Hoofdcampus', municipality: offer.municipality }] : []), 'open'],
        );
      }
      const client = demoClient(partner.key);
      await manager.query(
        'INSERT INTO platform.partner_client (client_id, partner_id, name, secret_hash, scopes) VALUES ($1, $2, $3, $4, $5)',
        [client.clientId, created.id, 'Demo API client', hashSecret(client.clientSecret), [...PARTNER_SCOPES]],
      );
      if (partner.type === 'cvo') {
        await manager.query(
          `INSERT INTO platform.user_account (email, display_name, password_hash, status, partner_id) VALUES ($1, $2, $3, 'active', $4) ON CONFLICT (email) DO NOTHING`,
          [demoPartnerUserEmail(partner.key), `Demo medewerker ${partner.name}`, passwordHash, created.id],
        );
      }
    }
  });
}
