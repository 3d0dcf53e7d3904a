import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProblemCode } from '@leerwinkel/contracts';
import type { UserPrincipal } from '../../common/auth/principal.js';
import type { RequestMeta } from '../../common/auth/request-meta.js';
import { cursorKey, type PageQueryDto, readCursor, toKeysetPage, toPage, UUID_PATTERN } from '../../common/pagination/page-query.dto.js';
import { DomainError } from '../../common/problem/domain-error.js';
import type { RegionRef } from '../../tenancy/region-registry.repository.js';
import { AuditService } from '../audit/audit.service.js';
import { AuthService } from '../auth/auth.service.js';
import type { UserAccountEntity } from '../identity/identity.entities.js';
import { OrganisationsRepository } from '../identity/organisations.repository.js';
import { SessionsRepository } from '../identity/sessions.repository.js';
import { type MemberView, UsersRepository } from '../identity/users.repository.js';
import type {
  CreateCentralUserDto,
  InvitationDto,
  InviteMemberDto,
  MemberDto,
  MemberPageDto,
  OrganisationListDto,
  UpdateMemberDto,
  UpdateUserDto,
  UserDto,
  UserInvitationDto,
  UserPageDto,
} from './dto/users.dto.js';

/**
 * User administration: coordinators manage the members of their region; platform admins manage central
 * users (and, through PartnersService, partner users). New accounts get a one-time set-password link.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async listMembers(region: RegionRef, limit: number, cursor?: string): Promise<MemberPageDto> {
    const rows = await this.users.listRegionMembers(region.id, limit + 1, cursorKey(cursor, 'email'));
    return toPage(rows, limit, toMemberDto, 'email', (member) => member.email);
  }

  async inviteMember(region: RegionRef, input: InviteMemberDto, actor: UserPrincipal, meta: RequestMeta): Promise<InvitationDto> {
    if (input.organisationId) await this.requireOrganisation(region, input.organisationId);
    const email = input.email.trim().toLowerCase();
    const result = await this.sessions.transaction(async (manager) => {
      const { user, invitation } = await this.findOrInvite(manager, { email, displayName: input.displayName.trim() }, actor.userId);
      if (user.partnerId) {
        throw new DomainError(ProblemCode.CONFLICT, 409, 'Partner account', 'This e-mail belongs to a partner organisation account.');
      }
      if (await this.users.findMembership(manager, user.id, region.id)) {
        throw new DomainError(ProblemCode.CONFLICT, 409, 'Already a member', `${email} is already a member of this region; change the membership instead.`);
      }
      await this.users.saveMembership(manager, { userId: user.id, regionId: region.id, role: input.role, organisationId: input.organisationId ?? null, status: 'active' });
      await this.audit.record(
        { action: 'membership.changed', actorUserId: actor.userId, targetType: 'user', targetId: user.id, regionId: region.id, ...meta, details: { role: input.role, status: 'active' } },
        manager,
      );
      return { userId: user.id, invitation };
    });
    const member = await this.member(region, result.userId);
    return { member, invitationUrl: result.invitation?.url ?? null, invitationExpiresAt: result.invitation?.expiresAt.toISOString() ?? null };
  }

  async updateMember(region: RegionRef, userId: string, changes: UpdateMemberDto, actor: UserPrincipal, meta: RequestMeta): Promise<MemberDto> {
    if (changes.organisationId) await this.requireOrganisation(region, changes.organisationId);
    await this.sessions.transaction(async (manager) => {
      const membership = await this.users.findMembership(manager, userId, region.id);
      if (!membership) throw DomainError.notFound('This member');
      const next = {
        userId,
        regionId: region.id,
        role: changes.role ?? membership.role,
        status: changes.status ?? membership.status,
        organisationId: changes.organisationId === undefined ? membership.organisationId : changes.organisationId,
      };
      const losesCoordinator = membership.role === 'coordinator' && membership.status === 'active' && (next.role !== 'coordinator' || next.status !== 'active');
      if (losesCoordinator && (await this.users.countActiveCoordinators(region.id, manager)) <= 1) {
        throw new DomainError(ProblemCode.CONFLICT, 409, 'Last coordinator', 'A region keeps at least one active coordinator: appoint another first.');
      }
      await this.users.saveMembership(manager, next);
      await this.audit.record(
        {
          action: 'membership.changed',
          actorUserId: actor.userId,
          targetType: 'user',
          targetId: userId,
          regionId: region.id,
          ...meta,
          details: { from: { role: membership.role, status: membership.status }, to: { role: next.role, status: next.status }, organisationId: next.organisationId },
        },
        manager,
      );
    });
    return this.member(region, userId);
  }

  async listOrganisations(region: RegionRef, query: PageQueryDto): Promise<OrganisationListDto> {
    const after = readCursor(query.cursor, { n: /^[\s\S]{1,200}$/, id: UUID_PATTERN });
    const rows = await this.organisations.listForRegion(region.id, query.limit + 1, after);
    return toKeysetPage(rows, query.limit, ({ id, name }) => ({ id, name }), (row) => ({ n: row.name, id: row.id }));
  }

  async createOrganisation(region: RegionRef, name: string, actor: UserPrincipal, meta: RequestMeta): Promise<{ id: string; name: string }> {
    const created = await this.organisations.create(region.id, name.trim()).catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new DomainError(ProblemCode.CONFLICT, 409, 'Organisation exists', `"${name}" is already an organisation of this region.`);
      throw error;
    });
    await this.audit.record({ action: 'organisation.created', actorUserId: actor.userId, targetType: 'organisation', targetId: created.id, regionId: region.id, ...meta });
    return { id: created.id, name: created.name };
  }

  // --- platform administration of central users -------------------------------------------------------

  async listPlatformUsers(limit: number, cursor?: string): Promise<UserPageDto> {
    const rows = await this.users.listPlatformUsers(limit + 1, cursorKey(cursor, 'email'));
    return toPage(rows, limit, toUserDto, 'email', (user) => user.email);
  }

  async createCentralUser(input: CreateCentralUserDto, actor: UserPrincipal, meta: RequestMeta): Promise<UserInvitationDto> {
    const email = input.email.trim().toLowerCase();
    const { user, invitation } = await this.sessions.transaction(async (manager) => {
      if (await this.users.findByEmail(email, manager)) {
        throw new DomainError(ProblemCode.CONFLICT, 409, 'Account exists', `There is already an account for ${email}.`);
      }
      const created = await this.users.create(manager, { email, displayName: input.displayName.trim(), centralRole: input.centralRole });
      const link = await this.auth.createInvitation(manager, created.id, actor.userId);
      await this.audit.record({ action: 'user.invited', actorUserId: actor.userId, targetType: 'user', targetId: created.id, ...meta, details: { centralRole: input.centralRole } }, manager);
      return { user: created, invitation: link };
    });
    return { user: toUserDto(user), invitationUrl: invitation.url, invitationExpiresAt: invitation.expiresAt.toISOString() };
  }

  async updateUser(userId: string, changes: UpdateUserDto, actor: UserPrincipal, meta: RequestMeta): Promise<UserDto> {
    if (userId === actor.userId && changes.status === 'deactivated') {
      throw new DomainError(ProblemCode.CONFLICT, 409, 'Not yourself', 'You cannot deactivate your own account.');
    }
    await this.sessions.transaction(async (manager) => {
      const user = await this.users.findById(userId);
      if (!user) throw DomainError.notFound('This user');
      if (changes.centralRole !== undefined && user.centralRole === null) {
        throw new DomainError(ProblemCode.CONFLICT, 409, 'Not a central user', 'Central roles are given to support-point accounts only.');
      }
      await this.users.update(manager, userId, {
        ...(changes.status ? { status: changes.status } : {}),
        ...(changes.centralRole ? { centralRole: changes.centralRole } : {}),
      });
      if (changes.status === 'deactivated') await this.sessions.revokeAllForUser(userId, manager);
      await this.audit.record({ action: 'user.updated', actorUserId: actor.userId, targetType: 'user', targetId: userId, ...meta, details: { status: changes.status, centralRole: changes.centralRole } }, manager);
    });
    const updated = await this.users.findById(userId);
    if (!updated) throw DomainError.notFound('This user');
    return toUserDto(updated);
  }

  /** Finds the account by e-mail, or creates it as invited with a set-password link. */
  async findOrInvite(
    manager: EntityManager,
    person: { email: string; displayName: string; partnerId?: string },
    invitedBy: string,
  ): Promise<{ user: UserAccountEntity; invitation: { url: string; expiresAt: Date } | null }> {
    const existing = await this.users.findByEmail(person.email, manager);
    if (existing?.status === 'deactivated') {
      throw new DomainError(ProblemCode.CONFLICT, 409, 'Account deactivated', `The account of ${person.email} is deactivated; a platform admin can reactivate it.`);
    }
    if (existing?.status === 'active') return { user: existing, invitation: null };
    const user = existing ?? (await this.users.create(manager, { email: person.email, displayName: person.displayName, partnerId: person.partnerId ?? null }));
    const invitation = await this.auth.createInvitation(manager, user.id, invitedBy);
    await this.audit.record({ action: 'user.invited', actorUserId: invitedBy, targetType: 'user', targetId: user.id }, manager);
    return { user, invitation };
  }

  private async member(region: RegionRef, userId: string): Promise<MemberDto> {
    const found = await this.users.findRegionMember(region.id, userId);
    if (!found) throw DomainError.notFound('This member');
    return toMemberDto(found);
  }

  private async requireOrganisation(region: RegionRef, organisationId: string): Promise<void> {
    if (!(await this.organisations.findInRegion(region.id, organisationId))) {
      throw DomainError.validation([{ field: 'organisationId', message: 'organisationId must be an organisation of this region', rule: 'organisationOfRegion' }]);
    }
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error).code === '23505';
}

function toMemberDto(row: MemberView): MemberDto {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    status: row.status,
    role: row.role,
    membershipStatus: row.membershipStatus,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    lastLoginAt: row.lastLoginAt ? new Date(row.lastLoginAt).toISOString() : null,
  };
}

export function toUserDto(user: UserAccountEntity): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    status: user.status,
    centralRole: user.centralRole,
    partnerId: user.partnerId,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}
