import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { PartnerSelfController, PartnersAdminController } from './partners.controller.js';
import { PartnersService } from './partners.service.js';

@Module({ imports: [UsersModule], controllers: [PartnersAdminController, PartnerSelfController], providers: [PartnersService] })
export class PartnersModule {}
