import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { versionedUpdate } from '../../database/versioned-update.js';

export interface CataloguePartnerRow {
  id: string;
  name: string;
  type: string;
  status: 'active' | 'inactive';
  enterpriseNumber: string | null;
  website: string | null;
  description: string | null;
  ownerRegion: string | null;
  regionsServed: { slug: string; displayName: string }[];
  offerCount: number;
  version: number;
}

export interface PartnerProfile {
  name: string;
  type: string;
  enterpriseNumber: string | null;
  website: string | null;
  description: string | null;
}

export interface OfferRow {
  id: string;
  partnerId: string;
  name: string;
  description: string | null;
  iscedLevel: string | null;
  eqfLevel: number | null;
  languages: string[];
  locations: { name: string; address?: string; postalCode?: string; municipality?: string }[];
  startDates: string[];
  costEur: number | null;
  costNote: string | null;
  eligibility: string | null;
  howToApply: string | null;
  status: string;
  version: number;
}

export type OfferWrite = Omit<OfferRow, 'id' | 'partnerId' | 'version'>;

/** Who may see which partners: everything (support point) or central partners plus the local ones of these regions. */
export type CatalogueScope = { all: true } | { all: false; regionIds: string[] };

const PARTNER_SELECT = `
  SELECT p.id, p.name, p.type, p.status, p.enterprise_number AS "enterpriseNumber", p.website, p.description,
         o.slug AS "ownerRegion", p.version,
         coalesce((SELECT json_agg(json_build_object('slug', r.slug, 'displayName', r.display_name) ORDER BY r.slug)
                     FROM platform.partner_region pr JOIN platform.region r ON r.id = pr.region_id WHERE pr.partner_id = p.id), '[]') AS "regionsServed",
         (SELECT count(*)::int FROM platform.offer f WHERE f.partner_id = p.id) AS "offerCount"
    FROM platform.partner p LEFT JOIN platform.region o ON o.id = p.owner_region_id`;

const OFFER_COLUMNS = `id, partner_id AS "partnerId", name, description, isced_level AS "iscedLevel", eqf_level AS "eqfLevel", languages, locations,
  coalesce((SELECT array_agg(to_char(d, 'YYYY-MM-DD') ORDER BY d) FROM unnest(start_dates) d), '{}') AS "startDates",
  cost_eur::float8 AS "costEur", cost_note AS "costNote", eligibility, how_to_apply AS "howToApply", status, version`;

const OFFER_FIELDS: [keyof OfferWrite, string][] = [
  ['name', 'name'],
  ['description', 'description'],
  ['iscedLevel', 'isced_level'],
  ['eqfLevel', 'eqf_level'],
  ['languages', 'languages'],
  ['locations', 'locations'],
  ['startDates', 'start_dates'],
  ['costEur', 'cost_eur'],
  ['costNote', 'cost_note'],
  ['eligibility', 'eligibility'],
  ['howToApply', 'how_to_apply'],
  ['status', 'status'],
];

/** The partner catalogue (platform schema). */
@Injectable()
export class CatalogueRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async list(scope: CatalogueScope, filters: { regionSlug?: string; type?: string; q?: string }, limit: number, after?: { n: string; id: string }): Promise<CataloguePartnerRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (!scope.all) where.push(`(p.owner_region_id IS NULL OR p.owner_region_id = ANY(${param(scope.regionIds)}::uuid[]))`);
    if (filters.regionSlug) {
      where.push(`EXISTS (SELECT 1 FROM platform.partner_region pr JOIN platform.region r ON r.id = pr.region_id WHERE pr.partner_id = p.id AND r.slug = ${param(filters.regionSlug)})`);
    }
    if (filters.type) where.push(`p.type = ${param(filters.type)}`);
    if (filters.q) where.push(`extensions.search_fold(p.name) LIKE '%' || extensions.search_fold(${param(filters.q)}) || '%'`);
    if (after) where.push(`(p.name, p.id) > (${param(after.n)}, ${param(after.id)}::uuid)`);
    return this.dataSource.query<CataloguePartnerRow[]>(
      `${PARTNER_SELECT} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY p.name, p.id LIMIT ${param(limit)}`,
      params,
    );
  }

  async find(id: string): Promise<CataloguePartnerRow | null> {
    const rows = await this.dataSource.query<CataloguePartnerRow[]>(`${PARTNER_SELECT} WHERE p.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Region ids for slugs; unknown slugs are simply absent. */
  async regionIds(slugs: string[], manager?: EntityManager): Promise<Map<string, string>> {
    const rows = await (manager ?? this.dataSource.manager).query<{ id: string; slug: string }[]>('SELECT id, slug FROM platform.region WHERE slug = ANY($1)', [slugs]);
    return new Map(rows.map((row) => [row.slug, row.id]));
  }

  async createPartner(manager: EntityManager, profile: PartnerProfile, ownerRegionId: string | null): Promise<string> {
    const [row] = await manager.query<[{ id: string }]>(
      `INSERT INTO platform.partner (name, type, enterprise_number, website, description, owner_region_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [profile.name, profile.type, profile.enterpriseNumber, profile.website, profile.description, ownerRegionId],
    );
    return row.id;
  }

  async updatePartner(manager: EntityManager, id: string, changes: Partial<PartnerProfile>, expectedVersion: number): Promise<boolean> {
    const columns: [keyof PartnerProfile, string][] = [
      ['name', 'name'],
      ['type', 'type'],
      ['enterpriseNumber', 'enterprise_number'],
      ['website', 'website'],
      ['description', 'description'],
    ];
    return versionedUpdate(manager, 'platform.partner', id, expectedVersion, Object.fromEntries(columns) as Record<keyof PartnerProfile, string>, changes);
  }

  async setRegionsServed(manager: EntityManager, partnerId: string, regionIds: string[]): Promise<void> {
    await manager.query('DELETE FROM platform.partner_region WHERE partner_id = $1', [partnerId]);
    if (regionIds.length > 0) {
      await manager.query('INSERT INTO platform.partner_region (partner_id, region_id) SELECT $1, unnest($2::uuid[])', [partnerId, regionIds]);
    }
  }

  /** A partner's offers by name; `q`: name contains (accents and case do not matter). Keyset after (name, id). */
  async offers(partnerId: string, q: string | undefined, limit: number, after?: { n: string; id: string }): Promise<OfferRow[]> {
    return this.dataSource.query<OfferRow[]>(
      `SELECT ${OFFER_COLUMNS} FROM platform.offer
        WHERE partner_id = $1 AND ($2::text IS NULL OR extensions.search_fold(name) LIKE '%' || extensions.search_fold($2) || '%')
          AND ($4::text IS NULL OR (name, id) > ($4, $5::uuid))
        ORDER BY name, id LIMIT $3`,
      [partnerId, q ?? null, limit, after?.n ?? null, after?.id ?? null],
    );
  }

  async findOffer(partnerId: string, offerId: string): Promise<OfferRow | null> {
    const rows = await this.dataSource.query<OfferRow[]>(`SELECT ${OFFER_COLUMNS} FROM platform.offer WHERE partner_id = $1 AND id = $2`, [partnerId, offerId]);
    return rows[0] ?? null;
  }

  async createOffer(partnerId: string, offer: Partial<OfferWrite> & { name: string }): Promise<OfferRow> {
    const set = OFFER_FIELDS.filter(([field]) => offer[field] !== undefined);
    const [row] = await this.dataSource.query<[{ id: string }]>(
      `INSERT INTO platform.offer (partner_id${set.map(([, column]) => `, ${column}`).join('')}) VALUES ($1${set.map((_s, i) => `, $${i + 2}`).join('')}) RETURNING id`,
      [partnerId, ...set.map(([field]) => (field === 'locations' ? JSON.stringify(offer[field]) : offer[field]))],
    );
    const created = await this.findOffer(partnerId, row.id);
    if (!created) throw new Error('created offer not found');
    return created;
  }

  async updateOffer(offerId: string, changes: Partial<OfferWrite>, expectedVersion: number): Promise<boolean> {
    return versionedUpdate(this.dataSource.manager, 'platform.offer', offerId, expectedVersion, Object.fromEntries(OFFER_FIELDS) as Record<keyof OfferWrite, string>, changes, (field, value) =>
      field === 'locations' ? JSON.stringify(value) : value,
    );
  }
}
