import { Module } from '@nestjs/common';
import { CasesRepository } from '../cases/cases.repository.js';
import { CatalogueRepository } from '../catalogue/catalogue.repository.js';
import { ConsentsRepository } from '../learners/consents.repository.js';
import { LearnersRepository } from '../learners/learners.repository.js';
import { RegionSettingsRepository } from '../regions/region-settings.repository.js';
import { PartnerReferralsController, RegionReferralsController } from './referrals.controller.js';
import { ReferralExpiryJob } from './referral-expiry.job.js';
import { ReferralsRepository } from './referrals.repository.js';
import { ReferralsService } from './referrals.service.js';

@Module({
  controllers: [RegionReferralsController, PartnerReferralsController],
  providers: [ReferralsService, ReferralExpiryJob, ReferralsRepository, CasesRepository, CatalogueRepository, ConsentsRepository, LearnersRepository, RegionSettingsRepository],
})
export class ReferralsModule {}
