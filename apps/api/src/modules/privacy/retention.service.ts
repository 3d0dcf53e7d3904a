import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import { JOB_QUEUES } from '../../jobs/job-names.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { EXACT_INSTANT, readCursor, toKeysetPage, UUID_PATTERN } from '../../common/pagination/page-query.dto.js';
import { type RegionRef, RegionRegistryRepository } from '../../tenancy/region-registry.repository.js';
import { RegionUnitOfWork } from '../../tenancy/region-unit-of-work.js';
import { AuditService } from '../audit/audit.service.js';
import { ReferralsRepository } from '../referrals/referrals.repository.js';
import { RegionSettingsRepository } from '../regions/region-settings.repository.js';
import type { UpcomingAnonymisationListDto, UpcomingQueryDto } from './dto/privacy.dto.js';
import { PrivacyRepository } from './privacy.repository.js';

const BATCH = 200;

/**
 * Retention: every night (and when a job process starts) each region anonymises the learners whose cases are all
 * closed and past the retention period of their kind (region settings; defaults 12 months for info cases, 60 for
 * guidance cases), one learner per transaction. The same run encrypts health barriers still stored in plain text
 * (data from before they were encrypted).
 */
@Injectable()
export class RetentionService implements OnModuleInit {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly queue: JobQueue,
    private readonly registry: RegionRegistryRepository,
    private readonly regionWork: RegionUnitOfWork,
    private readonly privacy: PrivacyRepository,
    private readonly referrals: ReferralsRepository,
    private readonly settings: RegionSettingsRepository,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.queue.schedule({ name: JOB_QUEUES.privacyRetention, cron: '30 2 * * *', runAtStart: true, run: () => this.runAll() });
  }

  async runAll(now = new Date()): Promise<{ anonymised: number; healthEncrypted: number }> {
    const total = { anonymised: 0, healthEncrypted: 0 };
    for (const region of await this.registry.listActiveRefs()) {
      try {
        total.healthEncrypted += await this.encryptPlainHealth(region);
        total.anonymised += await this.anonymiseDue(region, now);
      } catch (error) {
        this.logger.error({ err: error, region: region.slug }, 'retention run failed for a region');
      }
    }
    return total;
  }

  /** Anonymises every learner of the region that is due at `now`; answers how many. */
  async anonymiseDue(region: RegionRef, now: Date): Promise<number> {
    let done = 0;
    for (;;) {
      const due = await this.regionWork.runIn(region, (manager) => this.privacy.dueBy(manager, now, BATCH));
      for (const { learnerId } of due) {
        await this.regionWork.runIn(region, async (manager) => {
          await this.referrals.redactForLearner(manager, learnerId);
          await this.privacy.anonymise(manager, learnerId);
        });
        await this.audit.record({ action: 'retention.anonymised', targetType: 'learner', targetId: learnerId, regionId: region.id });
      }
      done += due.length;
      if (due.length < BATCH) return done;
    }
  }

  /** What the nightly job will anonymise in the coming days (coordinators check it in time), page by page. */
  async upcoming(region: RegionRef, query: UpcomingQueryDto, now = new Date()): Promise<UpcomingAnonymisationListDto> {
    const after = readCursor(query.cursor, { t: EXACT_INSTANT, id: UUID_PATTERN });
    return this.regionWork.runIn(region, async (manager) => {
      const rows = await this.privacy.dueBy(manager, new Date(now.getTime() + (query.days ?? 30) * 86_400_000), query.limit + 1, after);
      const settings = await this.settings.get(manager);
      const page = toKeysetPage(
        rows,
        query.limit,
        (row) => ({ learnerId: row.learnerId, name: `${row.firstName} ${row.lastName}`, cases: row.cases, anonymiseOn: new Date(row.anonymiseOn).toISOString() }),
        (row) => ({ t: row.sortKey, id: row.learnerId }),
      );
      return { ...page, retentionInfoMonths: settings.retentionInfoMonths, retentionGuidanceMonths: settings.retentionGuidanceMonths };
    });
  }

  private async encryptPlainHealth(region: RegionRef): Promise<number> {
    return this.regionWork.runIn(region, async (manager) => {
      const ids = await this.privacy.plainHealthBarriers(manager);
      for (const id of ids) await this.privacy.moveHealthBarrier(manager, id, this.cipher.encrypt('true'));
      return ids.length;
    });
  }
}
