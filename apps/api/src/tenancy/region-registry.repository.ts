import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, MoreThan } from 'typeorm';
import type { RegionRole } from '@leerwinkel/contracts';
import { RegionEntity } from './region.entity.js';

/** What a unit of work needs to enter a region: read from the registry, never derived from input. */
export interface RegionRef {
  id: string;
  slug: string;
  schemaName: string;
  roleName: string;
}

/** The region registry in the platform schema. */
@Injectable()
export class RegionRegistryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The region with this (already validated) slug, whatever its status, or null. */
  async findBySlug(slug: string): Promise<RegionEntity | null> {
    return this.dataSource.getRepository(RegionEntity).findOneBy({ slug });
  }

  /** Every region with its status and schema version (platform administration). */
  async listAll(limit: number, afterSlug?: string): Promise<RegionEntity[]> {
    return this.dataSource.getRepository(RegionEntity).find({
      where: afterSlug === undefined ? {} : { slug: MoreThan(afterSlug) },
      order: { slug: 'ASC' },
      take: limit,
    });
  }

  /**
   * The active region with this (already validated) slug and the role of the user in it (null when the
   * user is not an active member): one query on the hot path of every region route.
   */
  async findActiveWithRole(slug: string, userId: string): Promise<{ region: RegionRef; role: RegionRole | null } | null> {
    const rows = await this.dataSource.query<(RegionRef & { role: RegionRole | null })[]>(
      `SELECT r.id, r.slug, r.schema_name AS "schemaName", r.role_name AS "roleName", m.role
         FROM platform.region r
         LEFT JOIN platform.region_membership m
           ON m.region_id = r.id AND m.user_id = $2 AND m.status = 'active'
          AND EXISTS (SELECT 1 FROM platform.user_account u WHERE u.id = m.user_id AND u.status = 'active')
        WHERE r.slug = $1 AND r.status = 'active'`,
      [slug, userId],
    );
    const row = rows[0];
    if (!row) return null;
    const { role, ...region } = row;
    return { region, role };
  }

  /** Every active region's unit-of-work reference (jobs that visit each region). */
  async listActiveRefs(): Promise<RegionRef[]> {
    return this.dataSource.getRepository(RegionEntity).find({
      select: { id: true, slug: true, schemaName: true, roleName: true },
      where: { status: 'active' },
      order: { slug: 'ASC' },
    });
  }

  /** Active regions by slug, after `afterSlug` (keyset pagination). */
  async listActive(limit: number, afterSlug?: string): Promise<Pick<RegionEntity, 'slug' | 'displayName'>[]> {
    return this.dataSource.getRepository(RegionEntity).find({
      select: { slug: true, displayName: true },
      where: { status: 'active', ...(afterSlug === undefined ? {} : { slug: MoreThan(afterSlug) }) },
      order: { slug: 'ASC' },
      take: limit,
    });
  }
}
