import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { exactInstant } from '../../common/pagination/page-query.dto.js';
import type { PartnerScope } from '@leerwinkel/contracts';
import { PartnerClientEntity, PartnerEntity } from './identity.entities.js';

export interface ActiveClient {
  clientId: string;
  partnerId: string;
  scopes: PartnerScope[];
}

/** Partner organisations and their API clients (platform schema). */
@Injectable()
export class PartnersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async create(name: string, manager?: EntityManager): Promise<PartnerEntity> {
    const repository = this.manager(manager).getRepository(PartnerEntity);
    return repository.save(repository.create({ name, status: 'active' }));
  }

  async findById(id: string): Promise<PartnerEntity | null> {
    return this.dataSource.getRepository(PartnerEntity).findOneBy({ id });
  }

  /** Whether a region may name this partner: a central partner, or one of the region's own local partners. */
  async isVisibleToRegion(id: string, regionId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>('SELECT 1 FROM platform.partner WHERE id = $1 AND (owner_region_id IS NULL OR owner_region_id = $2)', [id, regionId]);
    return rows.length > 0;
  }

  async findByName(name: string): Promise<PartnerEntity | null> {
    return this.dataSource
      .getRepository(PartnerEntity)
      .createQueryBuilder('p')
      .where('lower(p.name) = lower(:name)', { name })
      .getOne();
  }

  async list(limit: number, afterName?: string): Promise<PartnerEntity[]> {
    const query = this.dataSource.getRepository(PartnerEntity).createQueryBuilder('p').orderBy('p.name', 'ASC').take(limit);
    if (afterName !== undefined) query.where('p.name > :afterName', { afterName });
    return query.getMany();
  }

  async createClient(
    client: Pick<PartnerClientEntity, 'clientId' | 'partnerId' | 'name' | 'secretHash' | 'scopes'>,
    manager?: EntityManager,
  ): Promise<PartnerClientEntity> {
    const repository = this.manager(manager).getRepository(PartnerClientEntity);
    return repository.save(repository.create({ ...client, status: 'active', secretRotatedAt: new Date() }));
  }

  /** A partner's API clients (revoked ones included) in the order they were created; keyset after (createdAt, id). */
  async listClients(partnerId: string, limit: number, after?: { t: string; id: string }): Promise<(Omit<PartnerClientEntity, 'secretHash'> & { sortKey: string })[]> {
    return this.dataSource.query<(Omit<PartnerClientEntity, 'secretHash'> & { sortKey: string })[]>(
      `SELECT id, client_id AS "clientId", partner_id AS "partnerId", name, scopes, status, secret_rotated_at AS "secretRotatedAt",
              created_at AS "createdAt", revoked_at AS "revokedAt", ${exactInstant('created_at')} AS "sortKey"
         FROM platform.partner_client
        WHERE partner_id = $1 AND ($3::timestamptz IS NULL OR (created_at, id) > ($3::timestamptz, $4::uuid))
        ORDER BY created_at, id LIMIT $2`,
      [partnerId, limit, after?.t ?? null, after?.id ?? null],
    );
  }

  async findClient(partnerId: string, clientId: string): Promise<PartnerClientEntity | null> {
    return this.dataSource.getRepository(PartnerClientEntity).findOneBy({ partnerId, clientId });
  }

  /** For the token endpoint: the client with its secret hash, if active and its partner active. */
  async findClientForAuthentication(clientId: string): Promise<(ActiveClient & { secretHash: string }) | null> {
    const rows = await this.dataSource.query<(ActiveClient & { secretHash: string })[]>(
      `SELECT c.client_id AS "clientId", c.partner_id AS "partnerId", c.scopes, c.secret_hash AS "secretHash"
         FROM platform.partner_client c JOIN platform.partner p ON p.id = c.partner_id
        WHERE c.client_id = $1 AND c.status = 'active' AND p.status = 'active'`,
      [clientId],
    );
    return rows[0] ?? null;
  }

  async findActiveClient(clientId: string): Promise<ActiveClient | null> {
    const client = await this.findClientForAuthentication(clientId);
    return client ? { clientId: client.clientId, partnerId: client.partnerId, scopes: client.scopes } : null;
  }

  async rotateSecret(id: string, secretHash: string): Promise<void> {
    await this.dataSource.getRepository(PartnerClientEntity).update({ id }, { secretHash, secretRotatedAt: new Date() });
  }

  async revokeClient(id: string): Promise<void> {
    await this.dataSource.getRepository(PartnerClientEntity).update({ id }, { status: 'revoked', revokedAt: new Date() });
  }
}
