import { Module } from '@nestjs/common';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import { ReferralsRepository } from '../referrals/referrals.repository.js';
import { RegionSettingsRepository } from '../regions/region-settings.repository.js';
import { ConsentsRepository } from './consents.repository.js';
import { LearnersController } from './learners.controller.js';
import { LearnersRepository } from './learners.repository.js';
import { LearnersService } from './learners.service.js';

@Module({
  controllers: [LearnersController],
  providers: [LearnersService, LearnersRepository, ConsentsRepository, RegionSettingsRepository, ReferralsRepository, FieldCipher],
  exports: [LearnersRepository, ConsentsRepository],
})
export class LearnersModule {}
