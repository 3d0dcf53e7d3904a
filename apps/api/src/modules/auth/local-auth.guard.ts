import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request } from 'express';
import { DomainError } from '../../common/problem/domain-error.js';
import { toFieldErrors } from '../../common/problem/validation.js';
import { LoginDto } from './dto/auth.dto.js';

/** Validates the login body like any other (400 with field errors), then runs the local strategy. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const body = context.switchToHttp().getRequest<Request>().body as unknown;
    const errors = await validate(plainToInstance(LoginDto, body ?? {}), { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      throw DomainError.validation(toFieldErrors(errors));
    }
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(error: unknown, principal: T | false): T {
    if (error instanceof Error) throw error;
    if (!principal) throw DomainError.unauthenticated();
    return principal;
  }
}
