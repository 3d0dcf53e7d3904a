import { Module } from '@nestjs/common';
import { TenancyModule } from '../../tenancy/tenancy.module.js';
import { RegionSettingsController } from './region-settings.controller.js';
import { RegionSettingsRepository } from './region-settings.repository.js';
import { RegionSettingsService } from './region-settings.service.js';
import { RegionsController } from './regions.controller.js';
import { RegionsService } from './regions.service.js';

@Module({
  imports: [TenancyModule],
  controllers: [RegionsController, RegionSettingsController],
  providers: [RegionsService, RegionSettingsService, RegionSettingsRepository],
})
export class RegionsModule {}
