import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import type { UserPrincipal } from '../../common/auth/principal.js';
import { requestMeta } from '../../common/auth/request-meta.js';
import { AuthService } from './auth.service.js';

/** Passport's local strategy: e-mail + password, checked by AuthService (lockout, audit, equal timing). */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  validate(request: Request, email: string, password: string): Promise<UserPrincipal> {
    return this.auth.verifyCredentials(email, password, requestMeta(request));
  }
}
