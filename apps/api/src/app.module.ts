import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { ConnectionDrain } from './common/http/graceful-shutdown.js';
import { appConnectionOptions } from './database/data-sources.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { CasesModule } from './modules/cases/cases.module.js';
import { CatalogueModule } from './modules/catalogue/catalogue.module.js';
import { CodeListsModule } from './modules/code-lists/code-lists.module.js';
import { LearnersModule } from './modules/learners/learners.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { IDENTITY_ENTITIES } from './modules/identity/identity.entities.js';
import { IdentityModule } from './modules/identity/identity.module.js';
import { PartnersModule } from './modules/partners/partners.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { ReferralsModule } from './modules/referrals/referrals.module.js';
import { RegistrationsModule } from './modules/registrations/registrations.module.js';
import { WebhooksModule } from './modules/webhooks/webhooks.module.js';
import { IndicatorsModule } from './modules/indicators/indicators.module.js';
import { PrivacyModule } from './modules/privacy/privacy.module.js';
import { RegionSettingsEntity } from './modules/regions/region-settings.entity.js';
import { RegionsModule } from './modules/regions/regions.module.js';
import { RegionEntity } from './tenancy/region.entity.js';
import { TenancyModule } from './tenancy/tenancy.module.js';

export const ENTITIES = [RegionEntity, RegionSettingsEntity, ...IDENTITY_ENTITIES];

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
        JobsModule,
        IdentityModule,
        AuditModule,
        AuthModule,
        HealthModule,
        RegionsModule,
        UsersModule,
        PartnersModule,
        CodeListsModule,
        LearnersModule,
        CasesModule,
        CatalogueModule,
        ReferralsModule,
        RegistrationsModule,
        WebhooksModule,
        IndicatorsModule,
        PrivacyModule,
        ...extraModules,
      ],
      providers: [ConnectionDrain],
    };
  }
}
