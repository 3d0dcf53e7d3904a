import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, MoreThan } from 'typeorm';
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

  /** The active region with this (already validated) slug, or null. */
  async findActiveBySlug(slug: string): Promise<RegionRef | null> {
    return this.dataSource.getRepository(RegionEntity).findOne({
      select: { id: true, slug: true, schemaName: true, roleName: true },
      where: { slug, status: 'active' },
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
