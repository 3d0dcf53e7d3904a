import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentralRoles, RegionRoles, SignedIn } from '../../common/auth/access.decorators.js';
import type { UserPrincipal } from '../../common/auth/principal.js';
import { CurrentUser, Meta, type RequestMeta } from '../../common/auth/request-meta.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { basedOnVersion, IfMatch, ApiIfMatch } from '../../common/http/versioning.js';
import { ApiProblemResponses } from '../../common/openapi/problem-responses.js';
import { CurrentRegion } from '../../tenancy/current-region.decorator.js';
import { RegionController } from '../../tenancy/region-controller.decorator.js';
import type { RegionRef } from '../../tenancy/region-registry.repository.js';
import { CatalogueService } from './catalogue.service.js';
import {
  CataloguePartnerDto,
  CataloguePartnerPageDto,
  CreatePartnerDto,
  ListCatalogueQueryDto,
  ListOffersQueryDto,
  OfferDto,
  OfferFieldsDto,
  OfferListDto,
  RegionLocalPartnerDto,
  UpdateOfferDto,
  UpdatePartnerDto,
} from './dto/catalogue.dto.js';

/** The partner catalogue as counsellors and coordinators browse it. */
@Controller('v1/partners')
@ApiTags('partner catalogue')
@SignedIn()
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @ApiOperation({ summary: 'Partner organisations (central ones and the local ones of your regions), by name' })
  @ApiOkResponse({ type: CataloguePartnerPageDto })
  listCatalogue(@CurrentUser() user: UserPrincipal, @Query() query: ListCatalogueQueryDto): Promise<CataloguePartnerPageDto> {
    return this.catalogue.list(user, query);
  }

  @Get(':partnerId')
  @ApiOperation({ summary: 'A partner organisation' })
  @ApiOkResponse({ type: CataloguePartnerDto })
  @ApiProblemResponses(404)
  getCataloguePartner(@CurrentUser() user: UserPrincipal, @UuidParam('partnerId') id: string): Promise<CataloguePartnerDto> {
    return this.catalogue.get(user, id);
  }

  @Get(':partnerId/offers')
  @ApiOperation({ summary: "A partner's offers (courses, services) by name, page by page; q: name contains" })
  @ApiOkResponse({ type: OfferListDto })
  @ApiProblemResponses(404)
  listOffers(@CurrentUser() user: UserPrincipal, @UuidParam('partnerId') id: string, @Query() query: ListOffersQueryDto): Promise<OfferListDto> {
    return this.catalogue.offers(user, id, query);
  }
}

/** The support point curates the central catalogue. */
@Controller('v1/admin/partners')
@ApiTags('platform administration')
@CentralRoles('platform_admin')
@ApiProblemResponses(400, 404, 409)
export class CatalogueAdminController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Post()
  @ApiOperation({ summary: 'Add a partner organisation to the central catalogue' })
  @ApiCreatedResponse({ type: CataloguePartnerDto })
  createPartner(@Body() body: CreatePartnerDto, @CurrentUser() actor: UserPrincipal, @Meta() meta: RequestMeta): Promise<CataloguePartnerDto> {
    return this.catalogue.createCentral(body, actor, meta);
  }

  @Patch(':partnerId')
  @ApiOperation({ summary: 'Change a partner organisation (If-Match or version)' })
  @ApiIfMatch()
  @ApiOkResponse({ type: CataloguePartnerDto })
  @ApiProblemResponses(412, 428)
  updatePartner(
    @UuidParam('partnerId') id: string,
    @Body() body: UpdatePartnerDto,
    @IfMatch() ifMatch: string | undefined,
    @CurrentUser() actor: UserPrincipal,
    @Meta() meta: RequestMeta,
  ): Promise<CataloguePartnerDto> {
    return this.catalogue.update(id, body, basedOnVersion(ifMatch, body.version), actor, meta);
  }

  @Post(':partnerId/offers')
  @ApiOperation({ summary: 'Add an offer to a partner' })
  @ApiCreatedResponse({ type: OfferDto })
  createOffer(@UuidParam('partnerId') id: string, @Body() body: OfferFieldsDto): Promise<OfferDto> {
    return this.catalogue.addOffer(id, body);
  }

  @Patch(':partnerId/offers/:offerId')
  @ApiOperation({ summary: 'Change an offer (If-Match or version)' })
  @ApiIfMatch()
  @ApiOkResponse({ type: OfferDto })
  @ApiProblemResponses(412, 428)
  updateOffer(
    @UuidParam('partnerId') id: string,
    @UuidParam('offerId') offerId: string,
    @Body() body: UpdateOfferDto,
    @IfMatch() ifMatch: string | undefined,
  ): Promise<OfferDto> {
    const { version, ...changes } = body;
    return this.catalogue.updateOffer(id, offerId, changes, basedOnVersion(ifMatch, version));
  }
}

/** Coordinators add local partners that only their region sees. */
@RegionController('partners', 'partner catalogue')
export class RegionPartnersController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Post()
  @RegionRoles('coordinator')
  @ApiOperation({ summary: 'Add a local partner organisation (visible to this region only)' })
  @ApiCreatedResponse({ type: CataloguePartnerDto })
  createLocalPartner(
    @CurrentRegion() region: RegionRef,
    @Body() body: RegionLocalPartnerDto,
    @CurrentUser() actor: UserPrincipal,
    @Meta() meta: RequestMeta,
  ): Promise<CataloguePartnerDto> {
    return this.catalogue.createLocal(region, body, actor, meta);
  }
}
