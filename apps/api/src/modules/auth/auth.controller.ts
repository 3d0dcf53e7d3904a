import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiSecurity, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { Public, SignedIn } from '../../common/auth/access.decorators.js';
import type { UserPrincipal } from '../../common/auth/principal.js';
import { CurrentUser, Meta, type RequestMeta } from '../../common/auth/request-meta.js';
import { LoginThrottled } from '../../common/auth/throttling.js';
import { ApiProblemResponses } from '../../common/openapi/problem-responses.js';
import { AuthService, type Session } from './auth.service.js';
import { ClientCredentialsService } from './client-credentials.service.js';
import { AccessTokenDto, ClientTokenDto, ClientTokenRequestDto, LoginDto, MeDto, OAuthErrorDto, SetPasswordDto } from './dto/auth.dto.js';
import { LocalAuthGuard } from './local-auth.guard.js';

export const REFRESH_COOKIE = 'lw_refresh';
const REFRESH_COOKIE_PATH = '/api/v1/auth';

@Controller('v1')
@ApiTags('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly clients: ClientCredentialsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('auth/login')
  @HttpCode(200)
  @Public()
  @LoginThrottled()
  @UseGuards(LocalAuthGuard)
  @ApiOperation({
    summary: 'Sign in with e-mail and password',
    description:
      'Answers a short-lived access token and sets the refresh token as an httpOnly, SameSite=Strict cookie (path /api/v1/auth). ' +
      'Repeated failures lock the account with growing delays (429 AUTH.ACCOUNT_LOCKED with Retry-After).',
  })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiProblemResponses(400, 401, 429)
  async login(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<AccessTokenDto> {
    const principal = request.user as UserPrincipal;
    return this.withCookie(response, await this.auth.startSession(principal.userId));
  }

  @Post('auth/refresh')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'Rotate the refresh cookie and get a new access token',
    description: 'Reusing an old refresh token ends the whole session (every token of its family).',
  })
  @ApiSecurity('refreshCookie')
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiProblemResponses(401, 429)
  async refresh(@Req() request: Request, @Meta() meta: RequestMeta, @Res({ passthrough: true }) response: Response): Promise<AccessTokenDto> {
    try {
      return this.withCookie(response, await this.auth.refresh(refreshCookie(request), meta));
    } catch (error) {
      this.clearCookie(response);
      throw error;
    }
  }

  @Post('auth/logout')
  @HttpCode(204)
  @Public()
  @ApiOperation({ summary: 'Sign out: revokes the session of the refresh cookie and clears it' })
  @ApiSecurity('refreshCookie')
  @ApiNoContentResponse()
  async logout(@Req() request: Request, @Meta() meta: RequestMeta, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(refreshCookie(request), meta);
    this.clearCookie(response);
  }

  @Post('auth/set-password')
  @HttpCode(204)
  @Public()
  @LoginThrottled()
  @ApiOperation({ summary: 'Accept an invitation: set the password (at least 12 characters, not a common one)' })
  @ApiNoContentResponse()
  @ApiProblemResponses(400, 429)
  async setPassword(@Body() body: SetPasswordDto, @Meta() meta: RequestMeta): Promise<void> {
    await this.auth.setPassword(body.token, body.password, meta);
  }

  @Post('auth/token')
  @HttpCode(200)
  @Public()
  @LoginThrottled()
  @ApiOperation({
    summary: 'OAuth2 client credentials grant for partner systems (RFC 6749 §4.4)',
    description:
      'Authenticate with HTTP Basic (client_id:client_secret) or client_id and client_secret in the form. Errors follow RFC 6749 §5.2 ' +
      '(`error`, `error_description`, application/json).',
  })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ type: ClientTokenRequestDto })
  @ApiOkResponse({ type: ClientTokenDto })
  @ApiResponse({ status: 400, description: 'invalid_request, unsupported_grant_type or invalid_scope (RFC 6749 §5.2).', content: { 'application/json': { schema: { $ref: getSchemaPath(OAuthErrorDto) } } } })
  @ApiResponse({ status: 401, description: 'invalid_client, with WWW-Authenticate (RFC 6749 §5.2).', content: { 'application/json': { schema: { $ref: getSchemaPath(OAuthErrorDto) } } } })
  @ApiExtraModels(OAuthErrorDto)
  async token(@Req() request: Request, @Meta() meta: RequestMeta, @Res({ passthrough: true }) response: Response): Promise<ClientTokenDto> {
    response.setHeader('cache-control', 'no-store');
    response.setHeader('pragma', 'no-cache');
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
    return this.clients.issue(
      { grantType: body.grant_type, clientId: body.client_id, clientSecret: body.client_secret, scope: body.scope, authorization: request.headers.authorization },
      meta,
    );
  }

  @Get('me')
  @SignedIn()
  @ApiOperation({ summary: 'The signed-in user, their region memberships and central role' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: UserPrincipal): Promise<MeDto> {
    return this.auth.me(user);
  }

  private withCookie(response: Response, session: Session): AccessTokenDto {
    response.cookie(REFRESH_COOKIE, session.refreshToken, {
      httpOnly: true,
      secure: this.config.auth.cookieSecure,
      sameSite: 'strict',
      path: REFRESH_COOKIE_PATH,
      expires: session.refreshExpiresAt,
    });
    response.setHeader('cache-control', 'no-store');
    return session.access;
  }

  private clearCookie(response: Response): void {
    response.clearCookie(REFRESH_COOKIE, { httpOnly: true, secure: this.config.auth.cookieSecure, sameSite: 'strict', path: REFRESH_COOKIE_PATH });
  }
}

function refreshCookie(request: Request): string | undefined {
  const cookies = request.cookies as Record<string, unknown> | undefined;
  const value = cookies?.[REFRESH_COOKIE];
  return typeof value === 'string' && value.length > 0 && value.length < 200 ? value : undefined;
}
