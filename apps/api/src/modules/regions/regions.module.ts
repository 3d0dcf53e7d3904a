import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { RegionSettingsController } from './region-settings.controller.js';
import { RegionSettingsRepository } from './region-settings.repository.js';
import { RegionSettingsService } from './region-settings.service.js';
import { RegionsAdminController } from './regions-admin.controller.js';
import { RegionsController } from './regions.controller.js';
import { RegionsService } from './regions.service.js';

@Module({
  imports: [UsersModule],
  controllers: [RegionsController, RegionsAdminController, RegionSettingsController],
  providers: [RegionsService, RegionSettingsService, RegionSettingsRepository],
})
export class RegionsModule {}
