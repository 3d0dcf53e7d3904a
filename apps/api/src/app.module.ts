import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { appConnectionOptions } from './database/data-sources.js';
import { HealthModule } from './modules/health/health.module.js';
import { RegionSettingsEntity } from './modules/regions/region-settings.entity.js';
import { RegionsModule } from './modules/regions/regions.module.js';
import { RegionEntity } from './tenancy/region.entity.js';
import { TenancyModule } from './tenancy/tenancy.module.js';

export const ENTITIES = [RegionEntity, RegionSettingsEntity];

@Module({})
export class AppModule {
  /** `extraModules` lets tests mount probe controllers on the real stack. */
  static forRoot(config: AppConfig, extraModules: DynamicModule['imports'] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ ...appConnectionOptions(config.database), entities: ENTITIES }),
        TenancyModule,
        HealthModule,
        RegionsModule,
        ...extraModules,
      ],
    };
  }
}
