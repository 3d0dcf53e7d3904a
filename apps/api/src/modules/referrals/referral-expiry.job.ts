import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JOB_QUEUES } from '../../jobs/job-names.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { RegionRegistryRepository } from '../../tenancy/region-registry.repository.js';
import { RegionUnitOfWork } from '../../tenancy/region-unit-of-work.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.js';
import { ReferralsRepository } from './referrals.repository.js';
import { referralEvent } from './referrals.service.js';

/**
 * Every 15 minutes: referrals the partner did not answer (sent or received) past their answer date become
 * `expired`, region by region, each in its own unit of work, with a `system` event and a `referral.status_changed` webhook.
 */
@Injectable()
export class ReferralExpiryJob implements OnModuleInit {
  constructor(
    private readonly queue: JobQueue,
    private readonly registry: RegionRegistryRepository,
    private readonly regionWork: RegionUnitOfWork,
    private readonly referrals: ReferralsRepository,
    private readonly outbox: WebhookOutbox,
  ) {}

  onModuleInit(): void {
    this.queue.schedule({ name: JOB_QUEUES.referralsExpire, cron: '*/15 * * * *', run: () => this.run() });
  }

  /** Expires what is due in every active region; answers how many referrals expired. */
  async run(now = new Date()): Promise<number> {
    let expired = 0;
    for (const region of await this.registry.listActiveRefs()) {
      expired += await this.regionWork.runIn(region, async (manager) => {
        const expired = await this.referrals.expireDue(manager, now);
        for (const { before, after } of expired) {
          await this.referrals.recordEvent(manager, before.id, before.status, 'expired', { actorKind: 'system', actorId: null });
          await this.outbox.add(manager, referralEvent('referral.status_changed', { ...before, status: 'expired' }, before.status, 'system', after));
        }
        return expired.length;
      });
    }
    return expired;
  }
}
