import { Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { PARTNER_SCOPES, type PartnerScope, ProblemCode } from '@leerwinkel/contracts';
import { AccessTokens } from '../../common/auth/access-tokens.js';
import type { RequestMeta } from '../../common/auth/request-meta.js';
import { hashSecret, isClientId } from '../../common/auth/token-hash.js';
import { DomainError } from '../../common/problem/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { PartnersRepository } from '../identity/partners.repository.js';
import { type ClientTokenDto, MAX_CLIENT_ID_LENGTH, MAX_CLIENT_SECRET_LENGTH, MAX_SCOPE_LENGTH } from './dto/auth.dto.js';

/** RFC 6749 §5.2 error: JSON with `error` and `error_description` (plus our problem members). */
export function oauthError(error: string, description: string, status = 400, headers?: Record<string, string>): DomainError {
  const code = error === 'invalid_client' ? ProblemCode.INVALID_CLIENT : ProblemCode.VALIDATION_FAILED;
  return new DomainError(code, status, 'Token request refused', description, undefined, { error, error_description: description }, {
    'cache-control': 'no-store',
    ...headers,
  }, 'application/json');
}

export interface TokenRequest {
  grantType: unknown;
  clientId: unknown;
  clientSecret: unknown;
  scope: unknown;
  authorization: string | undefined;
}

/** OAuth2 client credentials grant (RFC 6749 §4.4) for partner systems. */
@Injectable()
export class ClientCredentialsService {
  constructor(
    private readonly partners: PartnersRepository,
    private readonly tokens: AccessTokens,
    private readonly audit: AuditService,
  ) {}

  async issue(request: TokenRequest, meta: RequestMeta): Promise<ClientTokenDto> {
    if (request.grantType === undefined) throw oauthError('invalid_request', 'grant_type is required.');
    if (request.grantType !== 'client_credentials') throw oauthError('unsupported_grant_type', 'Only grant_type=client_credentials is supported.');
    const credentials = this.credentials(request);
    // Longer than any id or secret this API issues: refused like any wrong credential, before any lookup.
    if (credentials.clientId.length > MAX_CLIENT_ID_LENGTH || credentials.clientSecret.length > MAX_CLIENT_SECRET_LENGTH) {
      throw oauthError('invalid_client', 'Client authentication failed.', 401, { 'www-authenticate': 'Basic realm="leerwinkel"' });
    }
    // A malformed id (a NUL byte, which PostgreSQL text refuses, or any other junk) matches no client.
    const client = isClientId(credentials.clientId) ? await this.partners.findClientForAuthentication(credentials.clientId) : null;
    const expected = Buffer.from(client?.secretHash ?? hashSecret('no-such-client'), 'hex');
    const given = Buffer.from(hashSecret(credentials.clientSecret), 'hex');
    if (!client || !timingSafeEqual(expected, given)) {
      await this.audit.record({ action: 'auth.client.failed', actorClientId: credentials.clientId.replaceAll('\u0000', '\ufffd').slice(0, 100), ...meta });
      throw oauthError('invalid_client', 'Client authentication failed.', 401, { 'www-authenticate': 'Basic realm="leerwinkel"' });
    }
    const scopes = this.grantedScopes(request.scope, client.scopes);
    const accessToken = await this.tokens.forClient(client.clientId, scopes);
    await this.audit.record({ action: 'auth.client.token_issued', actorClientId: client.clientId, ...meta, details: { scopes } });
    return { access_token: accessToken, token_type: 'Bearer', expires_in: this.tokens.ttlSeconds, scope: scopes.join(' ') };
  }

  /** HTTP Basic (preferred, RFC 6749 §2.3.1) or client_id/client_secret in the body — not both. */
  private credentials(request: TokenRequest): { clientId: string; clientSecret: string } {
    const basic = request.authorization?.match(/^Basic\s+([A-Za-z0-9+/=]+)$/i)?.[1];
    if (basic && (request.clientId !== undefined || request.clientSecret !== undefined)) {
      throw oauthError('invalid_request', 'Use either HTTP Basic or client_id/client_secret in the body, not both.');
    }
    if (basic) {
      const decoded = Buffer.from(basic, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) {
        try {
          return { clientId: decodeURIComponent(decoded.slice(0, colon)), clientSecret: decodeURIComponent(decoded.slice(colon + 1)) };
        } catch {
          // A stray `%` that is no escape (RFC 6749 §2.3.1 form-encodes both parts).
        }
      }
      throw oauthError('invalid_client', 'Malformed HTTP Basic credentials.', 401, { 'www-authenticate': 'Basic realm="leerwinkel"' });
    }
    if (typeof request.clientId !== 'string' || typeof request.clientSecret !== 'string' || !request.clientId || !request.clientSecret) {
      throw oauthError('invalid_client', 'Client credentials are missing.', 401, { 'www-authenticate': 'Basic realm="leerwinkel"' });
    }
    return { clientId: request.clientId, clientSecret: request.clientSecret };
  }

  private grantedScopes(requested: unknown, allowed: PartnerScope[]): PartnerScope[] {
    if (requested === undefined || requested === '') return allowed;
    if (typeof requested !== 'string' || requested.length > MAX_SCOPE_LENGTH) throw oauthError('invalid_request', 'scope must be a space-separated string of scopes.');
    const asked = requested.split(' ').filter(Boolean);
    const unknown = asked.filter((scope) => !(PARTNER_SCOPES as readonly string[]).includes(scope) || !allowed.includes(scope as PartnerScope));
    if (unknown.length > 0) throw oauthError('invalid_scope', `Not granted to this client: ${unknown.join(', ')}.`);
    return asked as PartnerScope[];
  }
}
