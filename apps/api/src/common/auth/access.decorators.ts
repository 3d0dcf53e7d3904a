import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import type { CentralRole, PartnerScope, RegionRole } from '@leerwinkel/contracts';
import { ApiProblemResponses } from '../openapi/problem-responses.js';

/**
 * Every route declares who may call it. Without a decorator a route is for any signed-in *user*
 * (never a partner system); the route × principal matrix test lists every route.
 */
export const ACCESS_METADATA = 'leerwinkel:access';

export type AccessRule =
  | { kind: 'public' }
  | { kind: 'central'; roles: CentralRole[] }
  | { kind: 'partner'; scopes: PartnerScope[] }
  | { kind: 'region'; roles: RegionRole[] };

/** No authentication (login, token, health, public reference data). */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);
}

/**
 * The support point: users with one of these central roles. Administration routes (platform admins only)
 * document their own security scheme, so a client sees which token they need.
 */
export function CentralRoles(...roles: CentralRole[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'central', roles } satisfies AccessRule),
    ApiBearerAuth(roles.length === 1 && roles[0] === 'platform_admin' ? 'platformAdmin' : 'user'),
    ApiProblemResponses(401, 403),
  );
}

/** Partner systems holding all these scopes, or the partner's own users (partner page). */
export function PartnerAccess(...scopes: PartnerScope[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'partner', scopes } satisfies AccessRule),
    ApiSecurity('partner', scopes),
    ApiBearerAuth('user'),
    ApiProblemResponses(401, 403),
  );
}

/** Region routes: members of the path's region with one of these roles (default: any member). */
export function RegionRoles(...roles: RegionRole[]): MethodDecorator & ClassDecorator {
  return SetMetadata(ACCESS_METADATA, { kind: 'region', roles } satisfies AccessRule);
}

/** Any signed-in user (documents the default). */
export function SignedIn(): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiBearerAuth('user'), ApiProblemResponses(401));
}
