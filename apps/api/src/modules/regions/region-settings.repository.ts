import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RegionSettingsEntity } from './region-settings.entity.js';

export type RegionSettingsChanges = Partial<
  Pick<RegionSettingsEntity, 'contactEmail' | 'contactPhone' | 'referralExpiryDays' | 'inszEnabled' | 'retentionInfoMonths' | 'retentionGuidanceMonths'>
>;

/** Region settings; every method takes the manager of a region unit of work (see tenancy/region-unit-of-work.ts). */
@Injectable()
export class RegionSettingsRepository {
  async get(manager: EntityManager): Promise<RegionSettingsEntity> {
    return manager.getRepository(RegionSettingsEntity).findOneByOrFail({ id: true });
  }

  async update(manager: EntityManager, changes: RegionSettingsChanges): Promise<RegionSettingsEntity> {
    const repository = manager.getRepository(RegionSettingsEntity);
    if (Object.keys(changes).length > 0) await repository.update({ id: true }, changes);
    return repository.findOneByOrFail({ id: true });
  }
}
