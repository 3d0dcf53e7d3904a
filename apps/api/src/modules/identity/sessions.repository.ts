import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import { InvitationEntity, RefreshTokenEntity } from './identity.entities.js';

/** Refresh-token families and one-time invitations (platform schema; only hashes are stored). */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async createRefreshToken(token: Pick<RefreshTokenEntity, 'userId' | 'familyId' | 'tokenHash' | 'expiresAt'>, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).getRepository(RefreshTokenEntity).insert(token);
  }

  /** Locks the token row for the rotation (two refreshes with the same token: one wins, one is a reuse). */
  async findRefreshTokenForUpdate(manager: EntityManager, tokenHash: string): Promise<RefreshTokenEntity | null> {
    return manager.getRepository(RefreshTokenEntity).findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  async markUsed(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(RefreshTokenEntity).update({ id }, { usedAt: new Date() });
  }

  async revokeFamily(familyId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).getRepository(RefreshTokenEntity).update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAllForUser(userId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).getRepository(RefreshTokenEntity).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async createInvitation(manager: EntityManager, invitation: Pick<InvitationEntity, 'userId' | 'tokenHash' | 'expiresAt' | 'createdBy'>): Promise<void> {
    const repository = manager.getRepository(InvitationEntity);
    // A new invitation replaces any open one for the same person.
    await repository.update({ userId: invitation.userId, usedAt: IsNull() }, { usedAt: new Date() });
    await repository.insert(invitation);
  }

  async findInvitationForUpdate(manager: EntityManager, tokenHash: string): Promise<InvitationEntity | null> {
    return manager.getRepository(InvitationEntity).findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  async markInvitationUsed(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(InvitationEntity).update({ id }, { usedAt: new Date() });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
