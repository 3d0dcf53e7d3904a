import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AccessGuard } from '../../common/auth/access.guard.js';
import { AccessTokens } from '../../common/auth/access-tokens.js';
import { JwtAuthGuard } from '../../common/auth/jwt-auth.guard.js';
import { JwtStrategy } from '../../common/auth/jwt.strategy.js';
import { PasswordHasher } from '../../common/auth/password-hasher.js';
import { RateLimitRepository } from '../../common/auth/rate-limit.repository.js';
import { RateLimitGuard } from '../../common/auth/throttling.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { ClientCredentialsService } from './client-credentials.service.js';
import { LocalStrategy } from './local.strategy.js';

/**
 * Authentication for the whole API. The global guards run in this order: JwtAuthGuard (who are you; every
 * route unless @Public), AccessGuard (central / partner / user routes), RateLimitGuard (rate limits).
 * Region routes add RegionGuard (membership of the path's region).
 */
@Module({
  imports: [
    PassportModule,
    JwtModule.register({}),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    ClientCredentialsService,
    AccessTokens,
    PasswordHasher,
    LocalStrategy,
    JwtStrategy,
    RateLimitRepository,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [AuthService, PasswordHasher],
})
export class AuthModule {}
