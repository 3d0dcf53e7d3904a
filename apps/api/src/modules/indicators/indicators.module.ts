import { Module } from '@nestjs/common';
import { IndicatorAnswerCache } from './indicator-answer-cache.js';
import { IndicatorFactsRepository } from './indicator-facts.repository.js';
import { IndicatorRefreshJob } from './indicator-refresh.job.js';
import { CentralIndicatorsController, IndicatorRefreshController, RegionIndicatorsController } from './indicators.controller.js';
import { IndicatorsService } from './indicators.service.js';

@Module({
  controllers: [CentralIndicatorsController, IndicatorRefreshController, RegionIndicatorsController],
  providers: [IndicatorsService, IndicatorFactsRepository, IndicatorRefreshJob, IndicatorAnswerCache],
  exports: [IndicatorsService],
})
export class IndicatorsModule {}
