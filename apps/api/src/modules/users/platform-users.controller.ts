import { UuidParam } from '../../common/http/uuid-param.js';
import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentralRoles } from '../../common/auth/access.decorators.js';
import type { UserPrincipal } from '../../common/auth/principal.js';
import { CurrentUser, Meta, type RequestMeta } from '../../common/auth/request-meta.js';
import { ApiProblemResponses } from '../../common/openapi/problem-responses.js';
import { CreateCentralUserDto, ListMembersQueryDto, UpdateUserDto, UserDto, UserInvitationDto, UserPageDto } from './dto/users.dto.js';
import { UsersService } from './users.service.js';

/** Platform admins manage the support point's users and see partner users. */
@Controller('v1/admin/users')
@ApiTags('platform administration')
@CentralRoles('platform_admin')
@ApiProblemResponses(400, 404, 409)
export class PlatformUsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Central and partner users (platform admins)' })
  @ApiOkResponse({ type: UserPageDto })
  listPlatformUsers(@Query() query: ListMembersQueryDto): Promise<UserPageDto> {
    return this.users.listPlatformUsers(query.limit, query.cursor);
  }

  @Post()
  @ApiOperation({ summary: 'Create a support-point user (analyst or platform admin) with a set-password link' })
  @ApiCreatedResponse({ type: UserInvitationDto })
  createCentralUser(@Body() body: CreateCentralUserDto, @CurrentUser() actor: UserPrincipal, @Meta() meta: RequestMeta): Promise<UserInvitationDto> {
    return this.users.createCentralUser(body, actor, meta);
  }

  @Patch(':userId')
  @ApiOperation({ summary: 'Deactivate or reactivate an account, or change a central role (platform admins)' })
  @ApiOkResponse({ type: UserDto })
  updateUser(
    @UuidParam('userId') userId: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() actor: UserPrincipal,
    @Meta() meta: RequestMeta,
  ): Promise<UserDto> {
    return this.users.updateUser(userId, body, actor, meta);
  }
}
