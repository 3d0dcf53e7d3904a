import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { REGION_SLUG_PATTERN } from '@leerwinkel/contracts';
import { PartnerAccess } from '../../common/auth/access.decorators.js';
import type { Principal, UserPrincipal } from '../../common/auth/principal.js';
import { CurrentPrincipal, CurrentUser } from '../../common/auth/request-meta.js';
import { Idempotent } from '../../common/http/idempotency.js';
import { PatternParam, UuidParam } from '../../common/http/uuid-param.js';
import { CurrentRegion } from '../../tenancy/current-region.decorator.js';
import type { RegionRef } from '../../tenancy/region-registry.repository.js';
import { ApiProblemResponses } from '../../common/openapi/problem-responses.js';
import { RegionController } from '../../tenancy/region-controller.decorator.js';
import {
  AcceptedRegistrationDto,
  AcceptRegistrationDto,
  CreateRegistrationDto,
  ListRegistrationsQueryDto,
  PartnerRegistrationDto,
  RegistrationPageDto,
} from './dto/registration.dto.js';
import { RegistrationsService } from './registrations.service.js';

/** The leerwinkel's inbox of registrations from partners. */
@RegionController('registrations', 'registrations')
export class RegionRegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Get()
  @ApiOperation({ summary: 'The inbox: registrations from partners (pending by default), oldest first' })
  @ApiOkResponse({ type: RegistrationPageDto })
  listRegistrations(@Query() query: ListRegistrationsQueryDto): Promise<RegistrationPageDto> {
    return this.registrations.inbox(query);
  }

  @Post(':registrationId/accept')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept a registration: a learner (or the existing one) and a case',
    description: 'A similar learner with the same birth date answers 409 LEARNER.POSSIBLE_DUPLICATE: attach with existingLearnerId or send confirmNewPerson.',
  })
  @ApiOkResponse({ type: AcceptedRegistrationDto })
  @ApiProblemResponses(409)
  acceptRegistration(
    @CurrentRegion() region: RegionRef,
    @UuidParam('registrationId') id: string,
    @Body() body: AcceptRegistrationDto,
    @CurrentUser() actor: UserPrincipal,
  ): Promise<AcceptedRegistrationDto> {
    return this.registrations.accept(region, id, body, actor);
  }
}

/** Partners register people with a leerwinkel. */
@Controller('v1/partner/regions/:region/registrations')
@ApiTags('partner')
export class PartnerRegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Post()
  @PartnerAccess('registrations:write')
  @Idempotent()
  @ApiOperation({ summary: 'Register a person with a leerwinkel (an inbound referral), with a reference to their consent' })
  @ApiCreatedResponse({ type: PartnerRegistrationDto })
  @ApiProblemResponses(404)
  createRegistration(@CurrentPrincipal() principal: Principal, @PatternParam('region', REGION_SLUG_PATTERN, 41, 'a region slug') region: string, @Body() body: CreateRegistrationDto): Promise<PartnerRegistrationDto> {
    return this.registrations.createByPartner(principal, region, body);
  }
}
