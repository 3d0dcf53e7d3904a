import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { PartnerScope } from '@leerwinkel/contracts';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from './principal.js';

/** Issues the short-lived access tokens (HS256). */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.auth.accessTokenTtlSeconds;
  }

  forUser(userId: string, sessionId: string): Promise<string> {
    return this.sign({ typ: 'user', sid: sessionId }, userId);
  }

  forClient(clientId: string, scopes: PartnerScope[]): Promise<string> {
    return this.sign({ typ: 'client', scope: scopes.join(' ') }, clientId);
  }

  private sign(claims: Record<string, string>, subject: string): Promise<string> {
    return this.jwt.signAsync(claims, {
      subject,
      secret: this.config.auth.jwtSecret,
      algorithm: 'HS256',
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      expiresIn: this.config.auth.accessTokenTtlSeconds,
    });
  }
}
