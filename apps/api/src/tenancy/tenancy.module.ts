import { Global, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { RegionContext } from './region-context.js';
import { RegionContextMiddleware } from './region-context.middleware.js';
import { RegionGuard } from './region.guard.js';
import { RegionRegistryRepository } from './region-registry.repository.js';
import { RegionUnitOfWork } from './region-unit-of-work.js';
import { RegionProvisioning } from './owner-data-source.js';
import { PartnerUnitOfWork } from './partner-unit-of-work.js';
import { DispatcherUnitOfWork } from './dispatcher-unit-of-work.js';
import { AnalyticsUnitOfWork } from './analytics-unit-of-work.js';

@Global()
@Module({
  providers: [RegionContext, RegionGuard, RegionRegistryRepository, RegionUnitOfWork, RegionProvisioning, PartnerUnitOfWork, DispatcherUnitOfWork, AnalyticsUnitOfWork],
  exports: [RegionContext, RegionGuard, RegionRegistryRepository, RegionUnitOfWork, RegionProvisioning, PartnerUnitOfWork, DispatcherUnitOfWork, AnalyticsUnitOfWork],
})
export class TenancyModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RegionContextMiddleware).forRoutes('{*path}');
  }
}
