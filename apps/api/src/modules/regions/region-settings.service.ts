import { Injectable } from '@nestjs/common';
import { RegionUnitOfWork } from '../../tenancy/region-unit-of-work.js';
import type { RegionSettingsDto, UpdateRegionSettingsDto } from './dto/region-settings.dto.js';
import type { RegionSettingsEntity } from './region-settings.entity.js';
import { RegionSettingsRepository } from './region-settings.repository.js';

@Injectable()
export class RegionSettingsService {
  constructor(
    private readonly unitOfWork: RegionUnitOfWork,
    private readonly settings: RegionSettingsRepository,
  ) {}

  get(region: string): Promise<RegionSettingsDto> {
    return this.unitOfWork.run(async (manager) => toDto(region, await this.settings.get(manager)));
  }

  update(region: string, changes: UpdateRegionSettingsDto): Promise<RegionSettingsDto> {
    return this.unitOfWork.run(async (manager) => toDto(region, await this.settings.update(manager, changes)));
  }
}

function toDto(region: string, entity: RegionSettingsEntity): RegionSettingsDto {
  return {
    region,
    contactEmail: entity.contactEmail,
    contactPhone: entity.contactPhone,
    referralExpiryDays: entity.referralExpiryDays,
    inszEnabled: entity.inszEnabled,
    retentionInfoMonths: entity.retentionInfoMonths,
    retentionGuidanceMonths: entity.retentionGuidanceMonths,
    updatedAt: entity.updatedAt.toISOString(),
  };
}
