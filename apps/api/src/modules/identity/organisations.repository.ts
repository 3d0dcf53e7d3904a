import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OrganisationEntity } from './identity.entities.js';

/** Member organisations inside a region (governance models 3 and 5). */
@Injectable()
export class OrganisationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The region's organisations by name; keyset after (name, id). */
  async listForRegion(regionId: string, limit: number, after?: { n: string; id: string }): Promise<{ id: string; name: string }[]> {
    return this.dataSource.query<{ id: string; name: string }[]>(
      `SELECT id, name FROM platform.organisation WHERE region_id = $1 AND ($3::text IS NULL OR (name, id) > ($3, $4::uuid)) ORDER BY name, id LIMIT $2`,
      [regionId, limit, after?.n ?? null, after?.id ?? null],
    );
  }

  async findInRegion(regionId: string, id: string): Promise<OrganisationEntity | null> {
    return this.dataSource.getRepository(OrganisationEntity).findOneBy({ regionId, id });
  }

  async create(regionId: string, name: string): Promise<OrganisationEntity> {
    const repository = this.dataSource.getRepository(OrganisationEntity);
    return repository.save(repository.create({ regionId, name }));
  }
}
