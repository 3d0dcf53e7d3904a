import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { databaseIdentity } from '../database/data-sources.js';
import type { JobQueueName } from './job-names.js';
import { JOB_SCHEMA } from './job-schema.js';

export interface ScheduledJob {
  name: JobQueueName;
  /** Cron expression (UTC). */
  cron: string;
  run: () => Promise<unknown>;
}

/**
 * The PostgreSQL-backed job queue (pg-boss): scheduled jobs run once per schedule across all API processes.
 * Jobs register with `schedule()` during module init; the queue starts after bootstrap (when enabled) and
 * stops on shutdown, letting running jobs finish.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private readonly jobs: ScheduledJob[] = [];
  private boss: PgBoss | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  schedule(job: ScheduledJob): void {
    this.jobs.push(job);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    const boss = new PgBoss({
      connectionString: databaseIdentity(this.config.database).appUrl,
      schema: JOB_SCHEMA,
      migrate: false,
      max: 2,
      application_name: 'leerwinkel-jobs',
    });
    boss.on('error', (error) => {
      this.logger.error({ err: error }, 'job queue error');
    });
    await boss.start();
    for (const job of this.jobs) {
      await boss.schedule(job.name, job.cron);
      await boss.work(job.name, async () => {
        this.logger.log({ job: job.name, result: await job.run() }, 'job done');
      });
    }
    this.boss = boss;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.boss = undefined;
  }
}
