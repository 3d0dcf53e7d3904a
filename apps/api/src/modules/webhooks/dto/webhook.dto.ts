import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional } from 'class-validator';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES, type WebhookDeliveryStatus, type WebhookEventType } from '@leerwinkel/contracts';
import { BooleanField, IntField, TextField } from '../../../common/openapi/fields.js';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';

const URL_EXAMPLE = 'https://api.cvo-brugge.example/leerwinkel/webhooks';
const ID_EXAMPLE = '0f4b8a52-3c1d-4e8f-9a6b-7d2c1e5f3a90';

function EventTypesField(optional: boolean): PropertyDecorator {
  return applyDecorators(
    ...(optional ? [IsOptional()] : []),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(WEBHOOK_EVENT_TYPES.length),
    ArrayUnique(),
    IsIn(WEBHOOK_EVENT_TYPES, { each: true }),
    ApiProperty({
      enum: WEBHOOK_EVENT_TYPES,
      isArray: true,
      maxItems: WEBHOOK_EVENT_TYPES.length,
      required: !optional,
      description: 'The events this endpoint receives.',
      example: ['referral.created', 'consent.withdrawn'],
    }),
  );
}

export class CreateWebhookEndpointDto {
  @TextField({ description: 'Where to POST the events: https, a public host (see the partner API guide).', maxLength: 2000, minLength: 8, example: URL_EXAMPLE })
  url!: string;
  @EventTypesField(false) eventTypes!: WebhookEventType[];
  @TextField({ description: 'What this endpoint is for.', maxLength: 200, nullable: true, example: 'Intake system (production)' }) description?: string | null;
}

export class UpdateWebhookEndpointDto {
  @TextField({ description: 'Where to POST the events.', maxLength: 2000, minLength: 8, optional: true, example: URL_EXAMPLE }) url?: string;
  @EventTypesField(true) eventTypes?: WebhookEventType[];
  @TextField({ description: 'What this endpoint is for.', maxLength: 200, nullable: true, example: 'Intake system (production)' }) description?: string | null;
  @BooleanField({ description: 'false pauses deliveries (new events are not sent to it).', optional: true, example: false }) enabled?: boolean;
  @IntField({ description: 'The version this change is based on (or If-Match).', optional: true, min: 1, max: 2_147_483_647, example: 1 }) version?: number;
}

export class WebhookEndpointDto {
  @ApiProperty({ format: 'uuid', example: ID_EXAMPLE }) id!: string;
  @ApiProperty({ example: URL_EXAMPLE }) url!: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'Intake system (production)' }) description!: string | null;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, example: ['referral.created', 'referral.status_changed'] }) eventTypes!: WebhookEventType[];
  @ApiProperty({ example: true }) enabled!: boolean;
  @ApiProperty({ format: 'date-time', example: '2026-11-29T09:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-29T09:00:00.000Z' }) updatedAt!: string;
  @ApiProperty({ example: 1 }) version!: number;
}

export class WebhookEndpointListDto {
  @ApiProperty({ type: [WebhookEndpointDto] }) items!: WebhookEndpointDto[];
  @ApiProperty({ type: 'string', nullable: true, description: 'The cursor of the next page; null on the last one.', example: 'eyJ0IjoiMjAyNi0xMS0xMlQwOTozMDowMC4xMDQyNzFaIiwiaWQiOiI4YjBmNGE1Mi02YzFkLTRlM2YtOWEyNy01ZDhlMWMwYjdmMzYifQ' }) nextCursor!: string | null;
}

export class WebhookSecretDto {
  @ApiProperty({
    description: 'The signing secret (Standard Webhooks format). Shown only now: store it. After a rotation the previous secret also signs for 24 hours.',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3Qx4Re0xPv0=',
  })
  secret!: string;
}

export class WebhookEndpointCreatedDto extends WebhookEndpointDto {
  @ApiProperty({ description: 'The signing secret, shown only in this answer.', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3Qx4Re0xPv0=' }) secret!: string;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid', example: '5d1c9e7a-2b4f-4a63-8e0d-1f9a7c3b6e25' }) id!: string;
  @ApiProperty({ format: 'uuid', example: ID_EXAMPLE }) endpointId!: string;
  @ApiProperty({ format: 'uuid', description: 'The event; sent as `webhook-id` (the same for retries and replays).', example: 'c3a9e2f0-7b1d-4c5e-9f8a-6d2b0e4a1c77' }) eventId!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, example: 'referral.status_changed' }) eventType!: WebhookEventType;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES, description: 'pending: being attempted; delivered: a 2xx answer; failed: retries exhausted.', example: 'delivered' })
  status!: WebhookDeliveryStatus;
  @ApiProperty({ example: 2 }) attempts!: number;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: '2026-11-29T09:01:12.000Z' }) lastAttemptAt!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 200 }) lastResponseStatus!: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: null }) lastError!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: '2026-11-29T09:01:12.000Z' }) deliveredAt!: string | null;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: 'The delivery this one replays.', example: null }) replayOf!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-29T09:00:41.000Z' }) createdAt!: string;
}

export class WebhookAttemptDto {
  @ApiProperty({ format: 'date-time', example: '2026-11-29T09:00:42.000Z' }) at!: string;
  @ApiProperty({ type: 'integer', nullable: true, example: 500 }) responseStatus!: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'HTTP 500' }) error!: string | null;
  @ApiProperty({ example: 87 }) durationMs!: number;
}

export class WebhookDeliveryDetailDto extends WebhookDeliveryDto {
  @ApiProperty({
    description: 'The body that is POSTed.',
    example: { type: 'referral.status_changed', timestamp: '2026-11-29T09:00:41.000Z', data: { referral: { id: '…', status: 'accepted', previousStatus: 'received' } } },
  })
  body!: object;
  @ApiProperty({ type: [WebhookAttemptDto] }) attemptLog!: WebhookAttemptDto[];
}

export class WebhookDeliveryPageDto {
  @ApiProperty({ type: [WebhookDeliveryDto] }) items!: WebhookDeliveryDto[];
  @ApiProperty({ type: 'string', nullable: true, example: 'eyJ0IjoiMjAyNi0xMS0yOVQwOTowMDo0MS4wMDBaIiwiaWQiOiI1ZDFjOWU3YS0yYjRmLTRhNjMtOGUwZC0xZjlhN2MzYjZlMjUifQ' })
  nextCursor!: string | null;
}

export class ListWebhookDeliveriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: WEBHOOK_DELIVERY_STATUSES }) @IsOptional() @IsIn(WEBHOOK_DELIVERY_STATUSES) status?: WebhookDeliveryStatus;
}
