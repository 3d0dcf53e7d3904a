import { Global, Module } from '@nestjs/common';
import { OrganisationsRepository } from './organisations.repository.js';
import { PartnersRepository } from './partners.repository.js';
import { SessionsRepository } from './sessions.repository.js';
import { UsersRepository } from './users.repository.js';

/** Data access for identity (platform schema), shared by auth, user and partner administration. */
@Global()
@Module({
  providers: [UsersRepository, SessionsRepository, PartnersRepository, OrganisationsRepository],
  exports: [UsersRepository, SessionsRepository, PartnersRepository, OrganisationsRepository],
})
export class IdentityModule {}
