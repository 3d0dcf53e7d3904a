import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Client } from 'pg';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { databaseIdentity } from '../database/data-sources.js';
import type { JobQueueName } from './job-names.js';
import { JOB_SCHEMA } from './job-schema.js';

export interface ScheduledJob {
  name: JobQueueName;
  /** Cron expression (UTC). */
  cron: string;
  /** Also run once (in one process) when the job queue starts. */
  runAtStart?: boolean;
  run: () => Promise<unknown>;
}

export interface QueueWorker<T extends object> {
  name: JobQueueName;
  /** Parallel workers in this process (each takes one job at a time). */
  concurrency: number;
  /** Throwing fails the job: pg-boss retries it per the job's retry options, then dead-letters it. */
  run: (job: PgBoss.JobWithMetadata<T>) => Promise<unknown>;
}

export interface Wakeup {
  /** A PostgreSQL NOTIFY channel; notifications arrive only for committed transactions. */
  channel: string;
  run: () => Promise<unknown>;
}

export type JobToInsert = PgBoss.JobInsert & { name: JobQueueName };

const RECONNECT_MS = 5_000;
const WORKER_POLL_MS = 1_000;
const SCHEDULED_POLL_MS = 2_000;
const STOP_TIMEOUT_MS = 20_000;

/**
 * The PostgreSQL-backed job queue (pg-boss): scheduled jobs run once per schedule across all API processes,
 * queue workers take jobs one by one, and wake-ups run work as soon as another transaction commits a NOTIFY.
 * Everything registers during module init; the queue starts after bootstrap (when enabled) and stops first on
 * shutdown, letting running jobs finish.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private readonly scheduled: ScheduledJob[] = [];
  private readonly workers: QueueWorker<object>[] = [];
  private readonly wakeups: Wakeup[] = [];
  private boss: PgBoss | undefined;
  private listener: Client | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.jobsEnabled;
  }

  schedule(job: ScheduledJob): void {
    this.scheduled.push(job);
  }

  work<T extends object>(worker: QueueWorker<T>): void {
    this.workers.push(worker as unknown as QueueWorker<object>);
  }

  wakeOn(wakeup: Wakeup): void {
    this.wakeups.push(wakeup);
  }

  /** Inserts jobs inside the caller's transaction: they exist exactly when that transaction commits. */
  async insertWithin(manager: EntityManager, jobs: JobToInsert[]): Promise<void> {
    if (!this.boss) throw new Error('The job queue is not running in this process');
    const runner = manager.queryRunner;
    if (!runner) throw new Error('insertWithin needs a transactional entity manager');
    const db: PgBoss.Db = { executeSql: async (text, values) => ({ rows: (await runner.query(text, values, true)).records as unknown[] }) };
    await this.boss.insert(jobs, { db });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    const boss = new PgBoss({
      connectionString: databaseIdentity(this.config.database).appUrl,
      schema: JOB_SCHEMA,
      migrate: false,
      max: 2 + this.workers.reduce((sum, worker) => sum + worker.concurrency, 0),
      application_name: 'leerwinkel-jobs',
    });
    boss.on('error', (error) => {
      this.logger.error({ err: error }, 'job queue error');
    });
    await boss.start();
    this.boss = boss;
    for (const job of this.scheduled) {
      await boss.schedule(job.name, job.cron);
      if (job.runAtStart) await boss.send(job.name, {}, { singletonKey: 'start', singletonSeconds: 60 });
      this.poll(boss, job.name, SCHEDULED_POLL_MS, async () => {
        this.logger.log({ job: job.name, result: await job.run() }, 'job done');
      });
    }
    for (const worker of this.workers) {
      for (let i = 0; i < worker.concurrency; i++) this.poll(boss, worker.name, WORKER_POLL_MS, worker.run);
    }
    if (this.wakeups.length > 0) await this.listen();
  }

  /**
   * Stops before the HTTP server closes and the pools are destroyed, so running jobs (up to 20 s, within the
   * process's 25 s shutdown bound) still have their database connections; requests in flight meanwhile never
   * need the queue. Every loop ends only after its fetch, its job and the job's completion are done, so a job
   * this process took is never left active. A job still running after 20 s stays active until pg-boss expires
   * it and retries it elsewhere.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.reconnect);
    for (const wake of this.pauses) wake();
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, STOP_TIMEOUT_MS);
    });
    await Promise.race([Promise.all([...this.loops, ...this.running.values()]), bound]);
    clearTimeout(timer);
    await this.boss?.stop({ graceful: false, wait: true });
    this.boss = undefined;
  }

  private readonly loops: Promise<void>[] = [];
  private readonly pauses = new Set<() => void>();

  /**
   * One worker: fetches a job, runs it and records its end (completed, or failed for pg-boss to retry and
   * dead-letter), all awaited, until the queue stops. Our own loop rather than pg-boss's `work`, whose stop can
   * return while a fetch or a completion is still under way and so leave a job active.
   */
  private poll<T extends object>(boss: PgBoss, name: JobQueueName, pollMs: number, run: (job: PgBoss.JobWithMetadata<T>) => Promise<unknown>): void {
    const loop = async () => {
      while (!this.stopping) {
        try {
          const [job] = await boss.fetch<T>(name, { batchSize: 1, includeMetadata: true });
          if (!job) {
            await this.pause(pollMs);
            continue;
          }
          try {
            await run(job);
          } catch (error) {
            this.logger.warn({ err: error, job: name, id: job.id }, 'job failed');
            await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
            continue;
          }
          await boss.complete(name, job.id);
        } catch (error) {
          // The database is unreachable: the job (if any) stays active until pg-boss expires and retries it.
          this.logger.error({ err: error, job: name }, 'job queue could not fetch or record a job');
          await this.pause(pollMs);
        }
      }
    };
    this.loops.push(loop());
  }

  /** Waits for the polling interval, or less when the queue stops. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.pauses.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.pauses.add(wake);
    });
  }

  /** One connection LISTENs for every wake-up channel; it reconnects after a failure and then runs each once. */
  private async listen(): Promise<void> {
    const client = new Client({ connectionString: databaseIdentity(this.config.database).appUrl, application_name: 'leerwinkel-jobs-listen' });
    const retry = () => {
      if (this.stopping || this.listener !== client) return;
      this.listener = undefined;
      client.end().catch(() => undefined);
      this.reconnect = setTimeout(() => void this.listen(), RECONNECT_MS);
    };
    this.listener = client;
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'job queue listener lost its connection');
      retry();
    });
    client.on('notification', (message) => {
      for (const wakeup of this.wakeups) if (wakeup.channel === message.channel) this.runWakeup(wakeup);
    });
    try {
      await client.connect();
      for (const channel of new Set(this.wakeups.map((wakeup) => wakeup.channel))) await client.query(`LISTEN ${channel}`);
      for (const wakeup of this.wakeups) this.runWakeup(wakeup);
    } catch (error) {
      this.logger.warn({ err: error }, 'job queue listener could not connect');
      retry();
    }
  }

  private readonly running = new Map<Wakeup, Promise<unknown>>();
  private readonly again = new Set<Wakeup>();

  /** Runs a wake-up; a notification during a run makes it run once more afterwards (never two at a time). */
  private runWakeup(wakeup: Wakeup): void {
    if (this.running.has(wakeup)) {
      this.again.add(wakeup);
      return;
    }
    const run = wakeup
      .run()
      .catch((error: unknown) => {
        this.logger.error({ err: error, channel: wakeup.channel }, 'wake-up failed');
      })
      .finally(() => {
        this.running.delete(wakeup);
        if (this.again.delete(wakeup) && !this.stopping) this.runWakeup(wakeup);
      });
    this.running.set(wakeup, run);
  }
}
