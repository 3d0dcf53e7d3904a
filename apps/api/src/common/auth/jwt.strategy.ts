import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { PARTNER_SCOPES, type PartnerScope } from '@leerwinkel/contracts';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { PartnersRepository } from '../../modules/identity/partners.repository.js';
import { UsersRepository } from '../../modules/identity/users.repository.js';
import { DomainError } from '../problem/domain-error.js';
import { type Principal, TOKEN_AUDIENCE, TOKEN_ISSUER } from './principal.js';

interface VerifiedClaims {
  sub: string;
  typ: 'user' | 'client';
  sid?: string;
  scope?: string;
}

/**
 * Bearer access tokens: HS256 only (`alg: none` and other algorithms are refused), our issuer and audience,
 * not expired. The principal is re-read on every request, so a deactivated user, a revoked client or a
 * logged-out session loses access at once rather than at token expiry (user and session in one query).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UsersRepository,
    private readonly partners: PartnersRepository,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, made once: given the secret as a string, jsonwebtoken first tries to parse it as a public
      // key (which throws) and then builds a secret key — on every request, ~10 % of a request's CPU. jsonwebtoken
      // takes a KeyObject as it is; @types/passport-jwt only lists string | Buffer.
      secretOrKey: createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8')) as unknown as Buffer,
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: VerifiedClaims): Promise<Principal> {
    if (claims.typ === 'user' && typeof claims.sid === 'string') {
      const user = await this.users.findActiveInSession(claims.sub, claims.sid);
      if (!user) throw DomainError.unauthenticated('The session has ended; sign in again.');
      return { kind: 'user', userId: user.id, email: user.email, centralRole: user.centralRole, partnerId: user.partnerId };
    }
    if (claims.typ === 'client') {
      const client = await this.partners.findActiveClient(claims.sub);
      if (!client) throw DomainError.unauthenticated('The client is revoked or unknown.');
      const granted = (claims.scope ?? '').split(' ').filter((s): s is PartnerScope => (PARTNER_SCOPES as readonly string[]).includes(s));
      return { kind: 'client', clientId: client.clientId, partnerId: client.partnerId, scopes: granted.filter((s) => client.scopes.includes(s)) };
    }
    throw DomainError.unauthenticated();
  }
}
