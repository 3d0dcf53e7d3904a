import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type PgBoss from 'pg-boss';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { JOB_QUEUES } from '../../jobs/job-names.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { DispatcherUnitOfWork } from '../../tenancy/dispatcher-unit-of-work.js';
import { postWebhook } from './webhook-http.js';
import { WEBHOOK_CHANNEL } from './webhook-outbox.js';
import { webhookHeaders } from './webhook-signature.js';
import { WebhookUrlPolicy } from './webhook-url-policy.js';
import { WebhooksRepository } from './webhooks.repository.js';

const BATCH = 200;
const RETENTION_DAYS = 30;

interface DeliveryJob {
  deliveryId: string;
}

/**
 * Sends webhooks. The relay turns committed outbox events into deliveries and queues one pg-boss job per
 * delivery in the same transaction; a worker sends it (signed, Standard Webhooks) and records the attempt; a
 * failed attempt fails the job, which pg-boss retries with exponential backoff (WEBHOOK_RETRY_LIMIT retries
 * from WEBHOOK_RETRY_DELAY_SECONDS, by default 12 over 34–68 hours) and then moves to the dead-letter queue,
 * whose worker marks the delivery failed. A delivery that succeeded is never sent again by a retry.
 */
@Injectable()
export class WebhookDispatcher implements OnModuleInit {
  private readonly logger = new Logger('Webhooks');
  private readonly policy: WebhookUrlPolicy;

  constructor(
    private readonly queue: JobQueue,
    private readonly work: DispatcherUnitOfWork,
    private readonly webhooks: WebhooksRepository,
    private readonly cipher: FieldCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.policy = new WebhookUrlPolicy(config.webhooks.allowedHosts);
  }

  onModuleInit(): void {
    this.queue.wakeOn({ channel: WEBHOOK_CHANNEL, run: () => this.relay() });
    this.queue.schedule({ name: JOB_QUEUES.webhooksRelay, cron: '* * * * *', run: () => this.relay() });
    this.queue.schedule({ name: JOB_QUEUES.webhooksPrune, cron: '17 3 * * *', run: () => this.prune() });
    this.queue.work<DeliveryJob>({ name: JOB_QUEUES.webhooksDeliver, concurrency: 4, run: (job) => this.deliver(job) });
    this.queue.work<DeliveryJob>({ name: JOB_QUEUES.webhooksDead, concurrency: 1, run: (job) => this.deadLettered(job.data.deliveryId) });
  }

  /** Fans new events out to deliveries and queues every unqueued delivery; answers how many were queued. */
  async relay(): Promise<number> {
    let queued = 0;
    for (;;) {
      const batch = await this.work.run(async (manager) => {
        while ((await this.webhooks.fanOut(manager, BATCH)) === BATCH);
        const ids = await this.webhooks.claimUnqueued(manager, BATCH);
        if (ids.length === 0) return 0;
        const { retryLimit, retryDelaySeconds } = this.config.webhooks;
        await this.queue.insertWithin(
          manager,
          ids.map((deliveryId) => ({
            name: JOB_QUEUES.webhooksDeliver,
            data: { deliveryId },
            retryLimit,
            retryDelay: retryDelaySeconds,
            retryBackoff: true,
            expireInSeconds: 60,
            keepUntil: new Date(Date.now() + RETENTION_DAYS * 86_400_000).toISOString(),
            deadLetter: JOB_QUEUES.webhooksDead,
          })),
        );
        await this.webhooks.markQueued(manager, ids);
        return ids.length;
      });
      queued += batch;
      if (batch < BATCH) return queued;
    }
  }

  /** One attempt; throws when it failed so that the job queue retries it. */
  async deliver(job: PgBoss.Job<DeliveryJob>): Promise<void> {
    const { deliveryId } = job.data;
    const target = await this.work.run((manager) => this.webhooks.target(manager, deliveryId));
    if (!target || target.status !== 'pending') return;
    if (!target.enabled) {
      await this.work.run((manager) => this.webhooks.markFailed(manager, deliveryId, 'endpoint disabled'));
      return;
    }
    const secrets = [this.cipher.decrypt(target.secret)];
    if (target.previousSecret && target.previousSecretUntil && new Date(target.previousSecretUntil) > new Date()) secrets.push(this.cipher.decrypt(target.previousSecret));
    const body = JSON.stringify({ type: target.eventType, timestamp: new Date(target.eventCreatedAt).toISOString(), data: target.payload });
    const headers = webhookHeaders(target.eventId, Math.floor(Date.now() / 1000), body, secrets);
    const outcome = await postWebhook(this.policy, target.url, body, headers);
    const delivered = outcome.error === null;
    await this.work.run((manager) => this.webhooks.recordAttempt(manager, deliveryId, outcome, delivered));
    if (!delivered) throw new Error(`webhook delivery ${deliveryId} failed: ${outcome.error ?? 'unknown'}`);
  }

  async deadLettered(deliveryId: string): Promise<void> {
    this.logger.warn({ deliveryId }, 'webhook delivery failed after its last retry');
    await this.work.run((manager) => this.webhooks.markFailed(manager, deliveryId));
  }

  async prune(now = new Date()): Promise<number> {
    return this.work.run((manager) => this.webhooks.prune(manager, new Date(now.getTime() - RETENTION_DAYS * 86_400_000)));
  }
}
