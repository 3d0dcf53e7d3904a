import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JOB_QUEUES } from '../../jobs/job-names.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { RegionRegistryRepository } from '../../tenancy/region-registry.repository.js';
import { RegionUnitOfWork } from '../../tenancy/region-unit-of-work.js';
import { ReferralsRepository } from './referrals.repository.js';

/**
 * Every 15 minutes: referrals the partner did not answer (sent or received) past their answer date become
 * `expired`, region by region, each in its own unit of work, with a `system` event.
 */
@Injectable()
export class ReferralExpiryJob implements OnModuleInit {
  constructor(
    private readonly queue: JobQueue,
    private readonly registry: RegionRegistryRepository,
    private readonly regionWork: RegionUnitOfWork,
    private readonly referrals: ReferralsRepository,
  ) {}

  onModuleInit(): void {
    this.queue.schedule({ name: JOB_QUEUES.referralsExpire, cron: '*/15 * * * *', run: () => this.run() });
  }

  /** Expires what is due in every active region; answers how many referrals expired. */
  async run(now = new Date()): Promise<number> {
    let expired = 0;
    for (const region of await this.registry.listActiveRefs()) {
      expired += await this.regionWork.runIn(region, async (manager) => {
        const ids = await this.referrals.expireDue(manager, now);
        for (const id of ids) await this.referrals.recordEvent(manager, id, null, 'expired', { actorKind: 'system', actorId: null });
        return ids.length;
      });
    }
    return expired;
  }
}
