import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OrganisationEntity } from './identity.entities.js';

/** Member organisations inside a region (governance models 3 and 5). */
@Injectable()
export class OrganisationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listForRegion(regionId: string): Promise<OrganisationEntity[]> {
    return this.dataSource.getRepository(OrganisationEntity).find({ where: { regionId }, order: { name: 'ASC' } });
  }

  async findInRegion(regionId: string, id: string): Promise<OrganisationEntity | null> {
    return this.dataSource.getRepository(OrganisationEntity).findOneBy({ regionId, id });
  }

  async create(regionId: string, name: string): Promise<OrganisationEntity> {
    const repository = this.dataSource.getRepository(OrganisationEntity);
    return repository.save(repository.create({ regionId, name }));
  }
}
