import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PartnerAccess, RegionRoles } from '../../common/auth/access.decorators.js';
import { partnerOf } from '../../common/auth/partner-of.js';
import type { Principal } from '../../common/auth/principal.js';
import { CurrentPrincipal } from '../../common/auth/request-meta.js';
import { Idempotent } from '../../common/http/idempotency.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { basedOnVersion, IfMatch, ApiIfMatch } from '../../common/http/versioning.js';
import { ApiProblemResponses } from '../../common/openapi/problem-responses.js';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { CurrentRegion } from '../../tenancy/current-region.decorator.js';
import { RegionController } from '../../tenancy/region-controller.decorator.js';
import type { RegionRef } from '../../tenancy/region-registry.repository.js';
import {
  CreateWebhookEndpointDto,
  ListWebhookDeliveriesQueryDto,
  UpdateWebhookEndpointDto,
  WebhookDeliveryDetailDto,
  WebhookDeliveryPageDto,
  WebhookEndpointCreatedDto,
  WebhookEndpointDto,
  WebhookEndpointListDto,
  WebhookSecretDto,
} from './dto/webhook.dto.js';
import { type WebhookOwner, WebhooksService } from './webhooks.service.js';

const SUMMARY = {
  create: 'Register a webhook endpoint (the signing secret is in this answer only)',
  list: 'Your webhook endpoints, oldest first, page by page',
  get: 'A webhook endpoint',
  update: 'Change, pause (enabled=false) or resume a webhook endpoint (If-Match or version)',
  rotate: 'New signing secret (the previous one keeps signing for 24 hours)',
  remove: 'Remove a webhook endpoint and its delivery history',
  deliveries: 'Deliveries to an endpoint, newest first (filter by status)',
  delivery: 'A delivery with the body sent and every attempt',
  replay: 'Send the event of a delivered or failed delivery again (a new delivery, same webhook-id)',
};

function partner(principal: Principal): WebhookOwner {
  return { kind: 'partner', partnerId: partnerOf(principal) };
}

/** Webhooks of the calling partner organisation. */
@Controller('v1/partner/webhooks')
@ApiTags('partner')
@PartnerAccess('webhooks:manage')
export class PartnerWebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: SUMMARY.create })
  @ApiCreatedResponse({ type: WebhookEndpointCreatedDto })
  @ApiProblemResponses(400, 422)
  createPartnerWebhook(@CurrentPrincipal() principal: Principal, @Body() body: CreateWebhookEndpointDto): Promise<WebhookEndpointCreatedDto> {
    return this.webhooks.create(partner(principal), body);
  }

  @Get()
  @ApiOperation({ summary: SUMMARY.list })
  @ApiOkResponse({ type: WebhookEndpointListDto })
  listPartnerWebhooks(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<WebhookEndpointListDto> {
    return this.webhooks.list(partner(principal), query);
  }

  @Get(':endpointId')
  @ApiOperation({ summary: SUMMARY.get })
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiProblemResponses(404)
  getPartnerWebhook(@CurrentPrincipal() principal: Principal, @UuidParam('endpointId') id: string): Promise<WebhookEndpointDto> {
    return this.webhooks.get(partner(principal), id);
  }

  @Patch(':endpointId')
  @ApiOperation({ summary: SUMMARY.update })
  @ApiIfMatch()
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiProblemResponses(400, 404, 412, 422, 428)
  updatePartnerWebhook(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('endpointId') id: string,
    @Body() body: UpdateWebhookEndpointDto,
    @IfMatch() ifMatch: string | undefined,
  ): Promise<WebhookEndpointDto> {
    return this.webhooks.update(partner(principal), id, body, basedOnVersion(ifMatch, body.version));
  }

  @Post(':endpointId/rotate-secret')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({ summary: SUMMARY.rotate })
  @ApiOkResponse({ type: WebhookSecretDto })
  @ApiProblemResponses(404)
  rotatePartnerWebhookSecret(@CurrentPrincipal() principal: Principal, @UuidParam('endpointId') id: string): Promise<WebhookSecretDto> {
    return this.webhooks.rotateSecret(partner(principal), id);
  }

  @Delete(':endpointId')
  @HttpCode(204)
  @ApiOperation({ summary: SUMMARY.remove })
  @ApiNoContentResponse()
  @ApiProblemResponses(404)
  deletePartnerWebhook(@CurrentPrincipal() principal: Principal, @UuidParam('endpointId') id: string): Promise<void> {
    return this.webhooks.remove(partner(principal), id);
  }

  @Get(':endpointId/deliveries')
  @ApiOperation({ summary: SUMMARY.deliveries })
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  @ApiProblemResponses(400, 404)
  listPartnerWebhookDeliveries(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('endpointId') id: string,
    @Query() query: ListWebhookDeliveriesQueryDto,
  ): Promise<WebhookDeliveryPageDto> {
    return this.webhooks.deliveries(partner(principal), id, query);
  }

  @Get(':endpointId/deliveries/:deliveryId')
  @ApiOperation({ summary: SUMMARY.delivery })
  @ApiOkResponse({ type: WebhookDeliveryDetailDto })
  @ApiProblemResponses(404)
  getPartnerWebhookDelivery(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('endpointId') id: string,
    @UuidParam('deliveryId') deliveryId: string,
  ): Promise<WebhookDeliveryDetailDto> {
    return this.webhooks.delivery(partner(principal), id, deliveryId);
  }

  @Post(':endpointId/deliveries/:deliveryId/replay')
  @HttpCode(202)
  @Idempotent()
  @ApiOperation({ summary: SUMMARY.replay })
  @ApiAcceptedResponse({ type: WebhookDeliveryDetailDto })
  @ApiProblemResponses(404, 409)
  replayPartnerWebhookDelivery(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('endpointId') id: string,
    @UuidParam('deliveryId') deliveryId: string,
  ): Promise<WebhookDeliveryDetailDto> {
    return this.webhooks.replay(partner(principal), id, deliveryId);
  }
}

/** Webhooks of a region (its own systems), managed by its coordinators. */
@RegionController('webhooks', 'webhooks')
@RegionRoles('coordinator')
export class RegionWebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiOperation({ summary: SUMMARY.create })
  @ApiCreatedResponse({ type: WebhookEndpointCreatedDto })
  @ApiProblemResponses(422)
  createRegionWebhook(@CurrentRegion() region: RegionRef, @Body() body: CreateWebhookEndpointDto): Promise<WebhookEndpointCreatedDto> {
    return this.webhooks.create({ kind: 'region', region }, body);
  }

  @Get()
  @ApiOperation({ summary: SUMMARY.list })
  @ApiOkResponse({ type: WebhookEndpointListDto })
  listRegionWebhooks(@CurrentRegion() region: RegionRef, @Query() query: PageQueryDto): Promise<WebhookEndpointListDto> {
    return this.webhooks.list({ kind: 'region', region }, query);
  }

  @Get(':endpointId')
  @ApiOperation({ summary: SUMMARY.get })
  @ApiOkResponse({ type: WebhookEndpointDto })
  getRegionWebhook(@CurrentRegion() region: RegionRef, @UuidParam('endpointId') id: string): Promise<WebhookEndpointDto> {
    return this.webhooks.get({ kind: 'region', region }, id);
  }

  @Patch(':endpointId')
  @ApiOperation({ summary: SUMMARY.update })
  @ApiIfMatch()
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiProblemResponses(412, 422, 428)
  updateRegionWebhook(
    @CurrentRegion() region: RegionRef,
    @UuidParam('endpointId') id: string,
    @Body() body: UpdateWebhookEndpointDto,
    @IfMatch() ifMatch: string | undefined,
  ): Promise<WebhookEndpointDto> {
    return this.webhooks.update({ kind: 'region', region }, id, body, basedOnVersion(ifMatch, body.version));
  }

  @Post(':endpointId/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: SUMMARY.rotate })
  @ApiOkResponse({ type: WebhookSecretDto })
  rotateRegionWebhookSecret(@CurrentRegion() region: RegionRef, @UuidParam('endpointId') id: string): Promise<WebhookSecretDto> {
    return this.webhooks.rotateSecret({ kind: 'region', region }, id);
  }

  @Delete(':endpointId')
  @HttpCode(204)
  @ApiOperation({ summary: SUMMARY.remove })
  @ApiNoContentResponse()
  deleteRegionWebhook(@CurrentRegion() region: RegionRef, @UuidParam('endpointId') id: string): Promise<void> {
    return this.webhooks.remove({ kind: 'region', region }, id);
  }

  @Get(':endpointId/deliveries')
  @ApiOperation({ summary: SUMMARY.deliveries })
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  listRegionWebhookDeliveries(@CurrentRegion() region: RegionRef, @UuidParam('endpointId') id: string, @Query() query: ListWebhookDeliveriesQueryDto): Promise<WebhookDeliveryPageDto> {
    return this.webhooks.deliveries({ kind: 'region', region }, id, query);
  }

  @Get(':endpointId/deliveries/:deliveryId')
  @ApiOperation({ summary: SUMMARY.delivery })
  @ApiOkResponse({ type: WebhookDeliveryDetailDto })
  getRegionWebhookDelivery(@CurrentRegion() region: RegionRef, @UuidParam('endpointId') id: string, @UuidParam('deliveryId') deliveryId: string): Promise<WebhookDeliveryDetailDto> {
    return this.webhooks.delivery({ kind: 'region', region }, id, deliveryId);
  }

  @Post(':endpointId/deliveries/:deliveryId/replay')
  @HttpCode(202)
  @ApiOperation({ summary: SUMMARY.replay })
  @ApiAcceptedResponse({ type: WebhookDeliveryDetailDto })
  @ApiProblemResponses(409)
  replayRegionWebhookDelivery(@CurrentRegion() region: RegionRef, @UuidParam('endpointId') id: string, @UuidParam('deliveryId') deliveryId: string): Promise<WebhookDeliveryDetailDto> {
    return this.webhooks.replay({ kind: 'region', region }, id, deliveryId);
  }
}
