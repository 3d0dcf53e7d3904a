import { Module } from '@nestjs/common';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import { LearnersModule } from '../learners/learners.module.js';
import { CasesController } from './cases.controller.js';
import { CasesRepository } from './cases.repository.js';
import { CasesService } from './cases.service.js';

@Module({ imports: [LearnersModule], controllers: [CasesController], providers: [CasesService, CasesRepository, FieldCipher] })
export class CasesModule {}
