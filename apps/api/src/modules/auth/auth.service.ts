import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProblemCode } from '@leerwinkel/contracts';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { AccessTokens } from '../../common/auth/access-tokens.js';
import { assertStrongPassword } from '../../common/auth/password-policy.js';
import { PasswordHasher } from '../../common/auth/password-hasher.js';
import type { UserPrincipal } from '../../common/auth/principal.js';
import type { RequestMeta } from '../../common/auth/request-meta.js';
import { hashSecret, newSecret } from '../../common/auth/token-hash.js';
import { DomainError } from '../../common/problem/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { SessionsRepository } from '../identity/sessions.repository.js';
import { UsersRepository } from '../identity/users.repository.js';
import type { AccessTokenDto, MeDto } from './dto/auth.dto.js';

/** Failures before the first lock; each further failure doubles the lock, up to an hour. */
export const LOCK_AFTER_FAILURES = 5;
const FIRST_LOCK_MS = 60_000;
const MAX_LOCK_MS = 3_600_000;

export interface Session {
  access: AccessTokenDto;
  refreshToken: string;
  refreshExpiresAt: Date;
}

const invalidCredentials = (): DomainError =>
  new DomainError(ProblemCode.INVALID_CREDENTIALS, 401, 'Sign-in failed', 'The e-mail address or password is not correct.');

const refreshInvalid = (detail: string): DomainError =>
  new DomainError(ProblemCode.REFRESH_INVALID, 401, 'Session ended', detail);

/** Sign-in with e-mail and password, refresh-token rotation with reuse detection, sign-out, invitations. */
@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokens,
    private readonly audit: AuditService,
  ) {}

  /**
   * Unknown e-mail and wrong password get the same answer after the same work (a full argon2 verify).
   * Repeated failures lock the account with growing delays; a locked account answers 429 with Retry-After.
   */
  async verifyCredentials(emailInput: string, password: string, meta: RequestMeta): Promise<UserPrincipal> {
    const email = emailInput.trim().toLowerCase();
    const user = await this.users.findLoginCandidate(email);
    const now = Date.now();
    if (user?.lockedUntil && user.lockedUntil.getTime() > now) {
      await this.hasher.verify(null, password); // same cost as any attempt
      await this.audit.record({ action: 'auth.login.failed', targetType: 'user', targetId: user.id, ...meta, details: { reason: 'locked' } });
      throw accountLocked(user.lockedUntil);
    }
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !ok || user.status !== 'active') {
      if (user) {
        const failures = user.failedLoginCount + 1;
        const lockMs = failures >= LOCK_AFTER_FAILURES ? Math.min(FIRST_LOCK_MS * 2 ** (failures - LOCK_AFTER_FAILURES), MAX_LOCK_MS) : 0;
        const lockedUntil = lockMs > 0 ? new Date(now + lockMs) : null;
        await this.users.recordLoginFailure(user.id, failures, lockedUntil);
        await this.audit.record({ action: 'auth.login.failed', targetType: 'user', targetId: user.id, ...meta, details: { failures } });
        if (lockedUntil) {
          await this.audit.record({ action: 'auth.account.locked', targetType: 'user', targetId: user.id, ...meta, details: { until: lockedUntil.toISOString() } });
        }
      } else {
        await this.audit.record({ action: 'auth.login.failed', ...meta, details: { reason: 'unknown e-mail' } });
      }
      throw invalidCredentials();
    }
    await this.users.recordLoginSuccess(user.id);
    const active = await this.users.findActive(user.id);
    if (!active) throw invalidCredentials();
    await this.audit.record({ action: 'auth.login.succeeded', actorUserId: user.id, ...meta });
    return { kind: 'user', userId: active.id, email: active.email, centralRole: active.centralRole, partnerId: active.partnerId };
  }

  /** A new session: a refresh-token family and its first token. */
  async startSession(userId: string): Promise<Session> {
    return this.issue(userId, randomUUID());
  }

  /**
   * Rotates a refresh token. A token that was already used or revoked is a reuse (it was stolen, or
   * replayed): the whole family is revoked, so whoever holds any of its tokens is signed out.
   */
  async refresh(refreshToken: string | undefined, meta: RequestMeta): Promise<Session> {
    if (!refreshToken) throw refreshInvalid('No session: sign in.');
    const outcome = await this.sessions.transaction(async (manager) => {
      const token = await this.sessions.findRefreshTokenForUpdate(manager, hashSecret(refreshToken));
      if (!token) return { kind: 'unknown' as const };
      if (token.usedAt || token.revokedAt) {
        await this.sessions.revokeFamily(token.familyId, manager);
        await this.audit.record({ action: 'auth.refresh.reused', actorUserId: token.userId, targetType: 'session', targetId: token.familyId, ...meta }, manager);
        return { kind: 'reused' as const };
      }
      if (token.expiresAt.getTime() <= Date.now()) return { kind: 'expired' as const };
      if (!(await this.users.findActive(token.userId))) return { kind: 'unknown' as const };
      await this.sessions.markUsed(manager, token.id);
      return { kind: 'ok' as const, session: await this.issue(token.userId, token.familyId, manager) };
    });
    switch (outcome.kind) {
      case 'ok':
        return outcome.session;
      case 'reused':
        throw refreshInvalid('This session was ended because an old sign-in token was used again. Sign in again.');
      case 'expired':
        throw refreshInvalid('The session has expired: sign in again.');
      case 'unknown':
        throw refreshInvalid('No session: sign in.');
    }
  }

  async logout(refreshToken: string | undefined, meta: RequestMeta): Promise<void> {
    if (!refreshToken) return;
    await this.sessions.transaction(async (manager) => {
      const token = await this.sessions.findRefreshTokenForUpdate(manager, hashSecret(refreshToken));
      if (!token) return;
      await this.sessions.revokeFamily(token.familyId, manager);
      await this.audit.record({ action: 'auth.logout', actorUserId: token.userId, targetType: 'session', targetId: token.familyId, ...meta }, manager);
    });
  }

  async me(principal: UserPrincipal): Promise<MeDto> {
    const user = await this.users.findActive(principal.userId);
    if (!user) throw DomainError.unauthenticated();
    const memberships = await this.users.memberships(user.id);
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      centralRole: user.centralRole,
      partnerId: user.partnerId,
      memberships: memberships.map(({ region, regionName, role, organisationId, organisationName }) => ({
        region,
        regionName,
        role,
        organisationId,
        organisationName,
      })),
    };
  }

  /** Accepts an invitation: sets the password (policy-checked), activates the account, ends other sessions. */
  async setPassword(token: string, password: string, meta: RequestMeta): Promise<void> {
    await this.sessions.transaction(async (manager) => {
      const invitation = await this.sessions.findInvitationForUpdate(manager, hashSecret(token));
      if (!invitation || invitation.usedAt || invitation.expiresAt.getTime() <= Date.now()) {
        throw new DomainError(ProblemCode.INVITATION_INVALID, 400, 'Invitation not valid', 'This link was already used or has expired. Ask your coordinator for a new one.');
      }
      const user = await this.users.findById(invitation.userId);
      if (!user || user.status === 'deactivated') {
        throw new DomainError(ProblemCode.INVITATION_INVALID, 400, 'Invitation not valid', 'This account is no longer active.');
      }
      assertStrongPassword(password, user.email);
      const hashed = await this.hasher.hash(password);
      await this.users.setPassword(manager, user.id, hashed);
      await this.sessions.markInvitationUsed(manager, invitation.id);
      await this.sessions.revokeAllForUser(user.id, manager);
      await this.audit.record({ action: 'auth.password.set', actorUserId: user.id, targetType: 'user', targetId: user.id, ...meta }, manager);
    });
  }

  /** A one-time set-password link for an invited user (valid INVITATION_TTL_HOURS). */
  async createInvitation(
    manager: EntityManager,
    userId: string,
    createdBy: string | null,
  ): Promise<{ url: string; expiresAt: Date }> {
    const token = newSecret('');
    const expiresAt = new Date(Date.now() + this.config.auth.invitationTtlHours * 3_600_000);
    await this.sessions.createInvitation(manager, { userId, tokenHash: hashSecret(token), expiresAt, createdBy });
    return { url: `${this.config.auth.publicUrl}/set-password#token=${token}`, expiresAt };
  }

  private async issue(userId: string, familyId: string, manager?: EntityManager): Promise<Session> {
    const refreshToken = newSecret('lwr_');
    const refreshExpiresAt = new Date(Date.now() + this.config.auth.refreshTokenTtlDays * 86_400_000);
    await this.sessions.createRefreshToken({ userId, familyId, tokenHash: hashSecret(refreshToken), expiresAt: refreshExpiresAt }, manager);
    const accessToken = await this.tokens.forUser(userId, familyId);
    return { access: { accessToken, tokenType: 'Bearer', expiresIn: this.tokens.ttlSeconds }, refreshToken, refreshExpiresAt };
  }
}

function accountLocked(until: Date): DomainError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new DomainError(
    ProblemCode.ACCOUNT_LOCKED,
    429,
    'Account temporarily locked',
    `Too many failed sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
    undefined,
    { retryAfter: until.toISOString() },
    { 'retry-after': String(seconds) },
  );
}
