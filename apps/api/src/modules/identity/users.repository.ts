import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CentralRole, RegionRole } from '@leerwinkel/contracts';
import { RegionMembershipEntity, UserAccountEntity, type UserStatus } from './identity.entities.js';

export interface LoginCandidate {
  id: string;
  email: string;
  passwordHash: string | null;
  status: UserStatus;
  failedLoginCount: number;
  lockedUntil: Date | null;
}

export interface ActiveUser {
  id: string;
  email: string;
  displayName: string;
  centralRole: CentralRole | null;
  partnerId: string | null;
}

export interface MembershipView {
  regionId: string;
  region: string;
  regionName: string;
  role: RegionRole;
  organisationId: string | null;
  organisationName: string | null;
  status: 'active' | 'deactivated';
}

export interface MemberView extends ActiveUser {
  status: UserStatus;
  role: RegionRole;
  membershipStatus: 'active' | 'deactivated';
  organisationId: string | null;
  organisationName: string | null;
  lastLoginAt: Date | null;
}

const MEMBER_SELECT = `
  SELECT u.id, u.email, u.display_name AS "displayName", u.central_role AS "centralRole", u.partner_id AS "partnerId",
         u.status, u.last_login_at AS "lastLoginAt", m.role, m.status AS "membershipStatus", m.organisation_id AS "organisationId",
         o.name AS "organisationName"
    FROM platform.region_membership m JOIN platform.user_account u ON u.id = m.user_id
    LEFT JOIN platform.organisation o ON o.id = m.organisation_id`;

/** Accounts and region memberships (platform schema). */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private users(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(UserAccountEntity);
  }

  async findLoginCandidate(email: string): Promise<LoginCandidate | null> {
    return this.users().findOne({
      select: { id: true, email: true, passwordHash: true, status: true, failedLoginCount: true, lockedUntil: true },
      where: { email },
    });
  }

  async recordLoginFailure(id: string, failedLoginCount: number, lockedUntil: Date | null): Promise<void> {
    await this.users().update({ id }, { failedLoginCount, lockedUntil });
  }

  async recordLoginSuccess(id: string): Promise<void> {
    await this.users().update({ id }, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() });
  }

  /**
   * The principal of a request (every authenticated request runs this): the user while active, and only
   * while the session (refresh-token family) `familyId` is active too — one query, one round trip.
   */
  async findActiveInSession(id: string, familyId: string): Promise<ActiveUser | null> {
    const rows = await this.dataSource.query<ActiveUser[]>(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.central_role AS "centralRole", u.partner_id AS "partnerId"
         FROM platform.user_account u
        WHERE u.id = $1 AND u.status = 'active'
          AND EXISTS (SELECT 1 FROM platform.refresh_token t WHERE t.family_id = $2 AND t.revoked_at IS NULL AND t.expires_at > now())`,
      [id, familyId],
    );
    return rows[0] ?? null;
  }

  async findActive(id: string): Promise<ActiveUser | null> {
    return this.users().findOne({
      select: { id: true, email: true, displayName: true, centralRole: true, partnerId: true },
      where: { id, status: 'active' },
    });
  }

  async findById(id: string): Promise<UserAccountEntity | null> {
    return this.users().findOneBy({ id });
  }

  async findByEmail(email: string, manager?: EntityManager): Promise<UserAccountEntity | null> {
    return this.users(manager).findOneBy({ email });
  }

  async create(
    manager: EntityManager,
    user: { email: string; displayName: string; centralRole?: CentralRole | null; partnerId?: string | null; passwordHash?: string | null; status?: UserStatus },
  ): Promise<UserAccountEntity> {
    return this.users(manager).save(
      this.users(manager).create({
        email: user.email,
        displayName: user.displayName,
        centralRole: user.centralRole ?? null,
        partnerId: user.partnerId ?? null,
        passwordHash: user.passwordHash ?? null,
        status: user.status ?? 'invited',
        failedLoginCount: 0,
      }),
    );
  }

  async update(manager: EntityManager, id: string, changes: Partial<Pick<UserAccountEntity, 'status' | 'centralRole' | 'displayName'>>): Promise<void> {
    await this.users(manager).update({ id }, changes);
  }

  async setPassword(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await this.users(manager).update({ id }, { passwordHash, status: 'active', failedLoginCount: 0, lockedUntil: null });
  }

  /** The role of an active user in a region, or null when they are not an active member. */
  async regionRole(userId: string, regionId: string): Promise<RegionRole | null> {
    const rows = await this.dataSource.query<{ role: RegionRole }[]>(
      `SELECT m.role FROM platform.region_membership m JOIN platform.user_account u ON u.id = m.user_id
        WHERE m.user_id = $1 AND m.region_id = $2 AND m.status = 'active' AND u.status = 'active'`,
      [userId, regionId],
    );
    return rows[0]?.role ?? null;
  }

  async memberships(userId: string): Promise<MembershipView[]> {
    return await this.dataSource.query<MembershipView[]>(
      `SELECT m.region_id AS "regionId", r.slug AS region, r.display_name AS "regionName", m.role,
              m.organisation_id AS "organisationId", o.name AS "organisationName", m.status
         FROM platform.region_membership m
         JOIN platform.region r ON r.id = m.region_id AND r.status = 'active'
         LEFT JOIN platform.organisation o ON o.id = m.organisation_id
        WHERE m.user_id = $1 AND m.status = 'active'
        ORDER BY r.slug`,
      [userId],
    );
  }

  async findMembership(manager: EntityManager, userId: string, regionId: string): Promise<RegionMembershipEntity | null> {
    return manager.getRepository(RegionMembershipEntity).findOneBy({ userId, regionId });
  }

  async saveMembership(
    manager: EntityManager,
    membership: Pick<RegionMembershipEntity, 'userId' | 'regionId' | 'role' | 'organisationId' | 'status'>,
  ): Promise<void> {
    await manager.getRepository(RegionMembershipEntity).upsert(membership, ['userId', 'regionId']);
  }

  /** Members of a region, by e-mail, after `afterEmail` (keyset pagination). */
  async listRegionMembers(regionId: string, limit: number, afterEmail?: string): Promise<MemberView[]> {
    return await this.dataSource.query<MemberView[]>(
      `${MEMBER_SELECT} WHERE m.region_id = $1 AND ($2::text IS NULL OR u.email > $2) ORDER BY u.email LIMIT $3`,
      [regionId, afterEmail ?? null, limit],
    );
  }

  async findRegionMember(regionId: string, userId: string): Promise<MemberView | null> {
    const rows = await this.dataSource.query<MemberView[]>(`${MEMBER_SELECT} WHERE m.region_id = $1 AND m.user_id = $2`, [regionId, userId]);
    return rows[0] ?? null;
  }

  /** Users with a central role or a partner, by e-mail (platform administration). */
  async listPlatformUsers(limit: number, afterEmail?: string): Promise<UserAccountEntity[]> {
    const query = this.users()
      .createQueryBuilder('u')
      .where('(u.central_role IS NOT NULL OR u.partner_id IS NOT NULL)')
      .orderBy('u.email', 'ASC')
      .take(limit);
    if (afterEmail !== undefined) query.andWhere('u.email > :afterEmail', { afterEmail });
    return query.getMany();
  }

  /** Display names by user id (for access logs and timelines). */
  async displayNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; displayName: string }[]>(
      'SELECT id, display_name AS "displayName" FROM platform.user_account WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.displayName]));
  }

  async countActiveCoordinators(regionId: string, manager: EntityManager): Promise<number> {
    return manager.getRepository(RegionMembershipEntity).count({ where: { regionId, role: 'coordinator', status: 'active' } });
  }

}
