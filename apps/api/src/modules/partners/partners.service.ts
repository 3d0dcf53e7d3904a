import { Injectable } from '@nestjs/common';
import { PARTNER_SCOPES, ProblemCode } from '@leerwinkel/contracts';
import { partnerOf } from '../../common/auth/partner-of.js';
import type { Principal, UserPrincipal } from '../../common/auth/principal.js';
import type { RequestMeta } from '../../common/auth/request-meta.js';
import { CLIENT_ID_PREFIX, hashSecret, newSecret } from '../../common/auth/token-hash.js';
import { cursorKey, EXACT_INSTANT, type PageQueryDto, readCursor, toKeysetPage, toPage, UUID_PATTERN } from '../../common/pagination/page-query.dto.js';
import { DomainError } from '../../common/problem/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import type { PartnerClientEntity, PartnerEntity } from '../identity/identity.entities.js';
import { PartnersRepository } from '../identity/partners.repository.js';
import { SessionsRepository } from '../identity/sessions.repository.js';
import { toUserDto, UsersService } from '../users/users.service.js';
import type { UserInvitationDto } from '../users/dto/users.dto.js';
import type { ClientDto, ClientListDto, ClientSecretDto, CreateClientDto, PartnerDto, PartnerIdentityDto, PartnerPageDto } from './dto/partners.dto.js';

/** Partner organisations, their API clients (secret shown once, stored hashed) and partner users. */
@Injectable()
export class PartnersService {
  constructor(
    private readonly partners: PartnersRepository,
    private readonly sessions: SessionsRepository,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async list(limit: number, cursor?: string): Promise<PartnerPageDto> {
    const rows = await this.partners.list(limit + 1, cursorKey(cursor, 'name'));
    return toPage(rows, limit, toPartnerDto, 'name', (partner) => partner.name);
  }

  async listClients(partnerId: string, query: PageQueryDto): Promise<ClientListDto> {
    const after = readCursor(query.cursor, { t: EXACT_INSTANT, id: UUID_PATTERN });
    await this.requirePartner(partnerId);
    const rows = await this.partners.listClients(partnerId, query.limit + 1, after);
    return toKeysetPage(rows, query.limit, toClientDto, (row) => ({ t: row.sortKey, id: row.id }));
  }

  async createClient(partnerId: string, input: CreateClientDto, actor: UserPrincipal, meta: RequestMeta): Promise<ClientSecretDto> {
    await this.requirePartner(partnerId);
    const secret = newSecret('lwcs_');
    const client = await this.partners.createClient({ clientId: newSecret(CLIENT_ID_PREFIX, 12), partnerId, name: input.name.trim(), secretHash: hashSecret(secret), scopes: input.scopes });
    await this.audit.record({ action: 'partner.client.created', actorUserId: actor.userId, targetType: 'partner_client', targetId: client.clientId, ...meta, details: { partnerId, scopes: input.scopes } });
    return { client: toClientDto(client), clientSecret: secret };
  }

  async rotateSecret(partnerId: string, clientId: string, actor: UserPrincipal, meta: RequestMeta): Promise<ClientSecretDto> {
    const client = await this.requireClient(partnerId, clientId);
    if (client.status !== 'active') throw new DomainError(ProblemCode.CONFLICT, 409, 'Client revoked', 'A revoked client cannot get a new secret.');
    const secret = newSecret('lwcs_');
    await this.partners.rotateSecret(client.id, hashSecret(secret));
    await this.audit.record({ action: 'partner.client.secret_rotated', actorUserId: actor.userId, targetType: 'partner_client', targetId: clientId, ...meta });
    return { client: toClientDto(await this.requireClient(partnerId, clientId)), clientSecret: secret };
  }

  async revokeClient(partnerId: string, clientId: string, actor: UserPrincipal, meta: RequestMeta): Promise<void> {
    const client = await this.requireClient(partnerId, clientId);
    await this.partners.revokeClient(client.id);
    await this.audit.record({ action: 'partner.client.revoked', actorUserId: actor.userId, targetType: 'partner_client', targetId: clientId, ...meta });
  }

  async invitePartnerUser(partnerId: string, person: { email: string; displayName: string }, actor: UserPrincipal, meta: RequestMeta): Promise<UserInvitationDto> {
    await this.requirePartner(partnerId);
    const email = person.email.trim().toLowerCase();
    const { user, invitation } = await this.sessions.transaction(async (manager) => {
      const found = await this.users.findOrInvite(manager, { email, displayName: person.displayName.trim(), partnerId }, actor.userId);
      if (found.user.partnerId !== partnerId) {
        throw new DomainError(ProblemCode.CONFLICT, 409, 'Account exists', `${email} already has an account that is not of this partner.`);
      }
      return found;
    });
    await this.audit.record({ action: 'user.invited', actorUserId: actor.userId, targetType: 'user', targetId: user.id, ...meta, details: { partnerId } });
    return { user: toUserDto(user), invitationUrl: invitation?.url ?? null, invitationExpiresAt: invitation?.expiresAt.toISOString() ?? null };
  }

  /** What a partner principal is: its organisation and the scopes it holds. */
  async identity(principal: Principal): Promise<PartnerIdentityDto> {
    const partnerId = partnerOf(principal);
    const partner = await this.requirePartner(partnerId);
    return {
      partner: toPartnerDto(partner),
      principal: principal.kind,
      scopes: principal.kind === 'client' ? principal.scopes : [...PARTNER_SCOPES],
    };
  }

  private async requirePartner(id: string): Promise<PartnerEntity> {
    const partner = await this.partners.findById(id);
    if (!partner) throw DomainError.notFound('This partner organisation');
    return partner;
  }

  private async requireClient(partnerId: string, clientId: string): Promise<PartnerClientEntity> {
    const client = await this.partners.findClient(partnerId, clientId);
    if (!client) throw DomainError.notFound('This client');
    return client;
  }
}

function toPartnerDto(partner: PartnerEntity): PartnerDto {
  return { id: partner.id, name: partner.name, status: partner.status };
}

function toClientDto(client: Omit<PartnerClientEntity, 'secretHash'>): ClientDto {
  return {
    clientId: client.clientId,
    name: client.name,
    scopes: client.scopes,
    status: client.status,
    secretRotatedAt: client.secretRotatedAt.toISOString(),
    createdAt: client.createdAt.toISOString(),
  };
}
