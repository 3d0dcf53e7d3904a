import { Module } from '@nestjs/common';
import { LearnersModule } from '../learners/learners.module.js';
import { CasesController } from './cases.controller.js';
import { CasesRepository } from './cases.repository.js';
import { CasesService } from './cases.service.js';

@Module({ imports: [LearnersModule], controllers: [CasesController], providers: [CasesService, CasesRepository] })
export class CasesModule {}
