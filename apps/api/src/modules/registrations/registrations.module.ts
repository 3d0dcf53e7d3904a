import { Module } from '@nestjs/common';
import { CasesRepository } from '../cases/cases.repository.js';
import { ConsentsRepository } from '../learners/consents.repository.js';
import { LearnersRepository } from '../learners/learners.repository.js';
import { PartnerRegistrationsController, RegionRegistrationsController } from './registrations.controller.js';
import { RegistrationsRepository } from './registrations.repository.js';
import { RegistrationsService } from './registrations.service.js';

@Module({
  controllers: [RegionRegistrationsController, PartnerRegistrationsController],
  providers: [RegistrationsService, RegistrationsRepository, LearnersRepository, CasesRepository, ConsentsRepository],
})
export class RegistrationsModule {}
