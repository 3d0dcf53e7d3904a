import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { JOB_QUEUES } from '../../jobs/job-names.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { RegionRegistryRepository } from '../../tenancy/region-registry.repository.js';
import { IndicatorsService } from './indicators.service.js';

/**
 * Every 10 minutes (and when a job process starts): each active region recomputes its indicator facts in its
 * own unit of work. A region that fails is logged and retried at the next run; the others go on.
 */
@Injectable()
export class IndicatorRefreshJob implements OnModuleInit {
  private readonly logger = new Logger('Indicators');

  constructor(
    private readonly queue: JobQueue,
    private readonly registry: RegionRegistryRepository,
    private readonly indicators: IndicatorsService,
  ) {}

  onModuleInit(): void {
    this.queue.schedule({ name: JOB_QUEUES.indicatorsRefresh, cron: '*/10 * * * *', runAtStart: true, run: () => this.run() });
  }

  /** Refreshes every active region; answers how many fact rows were written. */
  async run(): Promise<number> {
    return (await this.runCounted()).factRows;
  }

  async runCounted(): Promise<{ regions: number; factRows: number }> {
    let factRows = 0;
    let regions = 0;
    for (const region of await this.registry.listActiveRefs()) {
      try {
        factRows += await this.indicators.refresh(region);
        regions += 1;
      } catch (error) {
        this.logger.error({ err: error, region: region.slug }, 'indicator refresh failed');
      }
    }
    return { regions, factRows };
  }
}
