import { Module } from '@nestjs/common';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import { LearnersModule } from '../learners/learners.module.js';
import { ReferralsRepository } from '../referrals/referrals.repository.js';
import { RegionSettingsRepository } from '../regions/region-settings.repository.js';
import { AccessExportService } from './access-export.service.js';
import { ErasureService } from './erasure.service.js';
import { PrivacyController } from './privacy.controller.js';
import { PrivacyRepository } from './privacy.repository.js';
import { RetentionService } from './retention.service.js';

/** Data protection: retention and anonymisation, the right of access, the four-eyes erasure. */
@Module({
  imports: [LearnersModule],
  controllers: [PrivacyController],
  providers: [RetentionService, AccessExportService, ErasureService, PrivacyRepository, ReferralsRepository, RegionSettingsRepository, FieldCipher],
  exports: [RetentionService],
})
export class PrivacyModule {}
