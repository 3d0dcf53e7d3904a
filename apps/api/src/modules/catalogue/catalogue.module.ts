import { Module } from '@nestjs/common';
import { CatalogueAdminController, CatalogueController, RegionPartnersController } from './catalogue.controller.js';
import { CatalogueRepository } from './catalogue.repository.js';
import { CatalogueService } from './catalogue.service.js';

@Module({
  controllers: [CatalogueController, CatalogueAdminController, RegionPartnersController],
  providers: [CatalogueService, CatalogueRepository],
})
export class CatalogueModule {}
