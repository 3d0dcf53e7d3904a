import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProblemCode } from '@leerwinkel/contracts';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import { staleVersion } from '../../common/http/versioning.js';
import { EXACT_INSTANT, type PageQueryDto, readCursor, toKeysetPage, UUID_PATTERN } from '../../common/pagination/page-query.dto.js';
import { DomainError } from '../../common/problem/domain-error.js';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { PartnerUnitOfWork } from '../../tenancy/partner-unit-of-work.js';
import type { RegionRef } from '../../tenancy/region-registry.repository.js';
import { RegionUnitOfWork } from '../../tenancy/region-unit-of-work.js';
import type {
  CreateWebhookEndpointDto,
  ListWebhookDeliveriesQueryDto,
  UpdateWebhookEndpointDto,
  WebhookDeliveryDetailDto,
  WebhookDeliveryDto,
  WebhookDeliveryPageDto,
  WebhookEndpointCreatedDto,
  WebhookEndpointDto,
  WebhookEndpointListDto,
  WebhookSecretDto,
} from './dto/webhook.dto.js';
import { newWebhookSecret } from './webhook-signature.js';
import { WebhookUrlPolicy } from './webhook-url-policy.js';
import { type DeliveryRow, type EndpointRow, WebhooksRepository } from './webhooks.repository.js';

/** Who owns the endpoints: a partner organisation (partner API) or a region (its coordinators). */
export type WebhookOwner = { kind: 'partner'; partnerId: string } | { kind: 'region'; region: RegionRef };


/**
 * Webhook endpoints and their deliveries, for their owner only: every call runs in the owner's unit of work,
 * where row-level security shows nothing of anyone else (an id of another owner is simply not found).
 */
@Injectable()
export class WebhooksService {
  private readonly policy: WebhookUrlPolicy;

  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly regionWork: RegionUnitOfWork,
    private readonly partnerWork: PartnerUnitOfWork,
    private readonly cipher: FieldCipher,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.policy = new WebhookUrlPolicy(config.webhooks.allowedHosts);
  }

  async create(owner: WebhookOwner, input: CreateWebhookEndpointDto): Promise<WebhookEndpointCreatedDto> {
    const url = this.checkedUrl(input.url);
    const secret = newWebhookSecret();
    const row = await this.run(owner, (manager) =>
      this.webhooks.createEndpoint(manager, ownerIds(owner), {
        url,
        description: input.description?.trim() || null,
        eventTypes: input.eventTypes,
        secret: this.cipher.encrypt(secret),
      }),
    );
    return Object.assign(toEndpointDto(row), { secret });
  }

  async list(owner: WebhookOwner, query: PageQueryDto): Promise<WebhookEndpointListDto> {
    const after = readCursor(query.cursor, { t: EXACT_INSTANT, id: UUID_PATTERN });
    const rows = await this.run(owner, (manager) => this.webhooks.listEndpoints(manager, query.limit + 1, after));
    return toKeysetPage(rows, query.limit, toEndpointDto, (row) => ({ t: row.sortKey, id: row.id }));
  }

  async get(owner: WebhookOwner, id: string): Promise<WebhookEndpointDto> {
    return toEndpointDto(await this.run(owner, (manager) => this.requireEndpoint(manager, id)));
  }

  async update(owner: WebhookOwner, id: string, input: UpdateWebhookEndpointDto, basedOn: number): Promise<WebhookEndpointDto> {
    const url = input.url === undefined ? undefined : this.checkedUrl(input.url);
    const row = await this.run(owner, async (manager) => {
      const current = await this.requireEndpoint(manager, id);
      const changes = { url, eventTypes: input.eventTypes, enabled: input.enabled, description: input.description === undefined ? undefined : input.description?.trim() || null };
      if (!(await this.webhooks.updateEndpoint(manager, id, basedOn, changes))) throw staleVersion(current.version);
      return this.requireEndpoint(manager, id);
    });
    return toEndpointDto(row);
  }

  async rotateSecret(owner: WebhookOwner, id: string): Promise<WebhookSecretDto> {
    const secret = newWebhookSecret();
    await this.run(owner, async (manager) => {
      if (!(await this.webhooks.rotateSecret(manager, id, this.cipher.encrypt(secret)))) throw DomainError.notFound('This webhook endpoint');
    });
    return { secret };
  }

  async remove(owner: WebhookOwner, id: string): Promise<void> {
    await this.run(owner, async (manager) => {
      if (!(await this.webhooks.deleteEndpoint(manager, id))) throw DomainError.notFound('This webhook endpoint');
    });
  }

  async deliveries(owner: WebhookOwner, endpointId: string, query: ListWebhookDeliveriesQueryDto): Promise<WebhookDeliveryPageDto> {
    const after = readCursor(query.cursor, { t: EXACT_INSTANT, id: UUID_PATTERN });
    const rows = await this.run(owner, async (manager) => {
      await this.requireEndpoint(manager, endpointId);
      return this.webhooks.listDeliveries(manager, endpointId, query.status, query.limit + 1, after);
    });
    return toKeysetPage(rows, query.limit, toDeliveryDto, (row) => ({ t: row.sortKey, id: row.id }));
  }

  async delivery(owner: WebhookOwner, endpointId: string, id: string): Promise<WebhookDeliveryDetailDto> {
    return this.run(owner, (manager) => this.deliveryDetail(manager, endpointId, id));
  }

  /** Sends the event of a finished delivery again, as a new delivery (same `webhook-id`). */
  async replay(owner: WebhookOwner, endpointId: string, id: string): Promise<WebhookDeliveryDetailDto> {
    return this.run(owner, async (manager) => {
      const original = await this.deliveryDetail(manager, endpointId, id);
      if (original.status === 'pending') {
        throw new DomainError(ProblemCode.WEBHOOK_DELIVERY_PENDING, 409, 'Still being delivered', 'This delivery is still being attempted; replay it once it is delivered or failed.');
      }
      const replayId = await this.webhooks.insertReplay(manager, original, ownerIds(owner));
      return this.deliveryDetail(manager, endpointId, replayId);
    });
  }

  private async deliveryDetail(manager: EntityManager, endpointId: string, id: string): Promise<WebhookDeliveryDetailDto> {
    const row = await this.webhooks.findDelivery(manager, endpointId, id);
    if (!row) throw DomainError.notFound('This delivery');
    const attempts = await this.webhooks.attempts(manager, id);
    return Object.assign(toDeliveryDto(row), {
      body: { type: row.eventType, timestamp: new Date(row.eventCreatedAt).toISOString(), data: row.payload },
      attemptLog: attempts.map((attempt) => ({ at: new Date(attempt.at).toISOString(), responseStatus: attempt.responseStatus, error: attempt.error, durationMs: attempt.durationMs })),
    });
  }

  private checkedUrl(raw: string): string {
    const url = raw.trim();
    const problem = this.policy.problemWith(url);
    if (problem) throw new DomainError(ProblemCode.WEBHOOK_URL_NOT_ALLOWED, 422, 'Webhook URL not allowed', problem, [{ field: 'url', message: problem, rule: 'webhookUrl' }]);
    return url;
  }

  private async requireEndpoint(manager: EntityManager, id: string): Promise<EndpointRow> {
    const row = await this.webhooks.findEndpoint(manager, id);
    if (!row) throw DomainError.notFound('This webhook endpoint');
    return row;
  }

  private run<T>(owner: WebhookOwner, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return owner.kind === 'partner' ? this.partnerWork.run(owner.partnerId, work) : this.regionWork.runIn(owner.region, work);
  }
}

function ownerIds(owner: WebhookOwner): { regionId: string | null; partnerId: string | null } {
  return owner.kind === 'partner' ? { regionId: null, partnerId: owner.partnerId } : { regionId: owner.region.id, partnerId: null };
}

function toEndpointDto(row: EndpointRow): WebhookEndpointDto {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    enabled: row.enabled,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    version: row.version,
  };
}

function toDeliveryDto(row: DeliveryRow): WebhookDeliveryDto {
  const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);
  return {
    id: row.id,
    endpointId: row.endpointId,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    lastAttemptAt: iso(row.lastAttemptAt),
    lastResponseStatus: row.lastResponseStatus,
    lastError: row.lastError,
    deliveredAt: iso(row.deliveredAt),
    replayOf: row.replayOf,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
