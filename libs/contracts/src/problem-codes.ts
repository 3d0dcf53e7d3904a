/**
 * Stable problem codes carried in the `code` member of every RFC 9457 problem+json answer.
 * Clients (the web app, partners) map these to messages; never rename one once published.
 */
export const ProblemCode = {
  /** The request did not pass validation; `errors` lists the fields. */
  VALIDATION_FAILED: 'VALIDATION.FAILED',
  /** The body is not valid JSON. */
  MALFORMED_BODY: 'REQUEST.MALFORMED_BODY',
  /** The body exceeds the configured size limit. */
  BODY_TOO_LARGE: 'REQUEST.BODY_TOO_LARGE',
  /** The URL is not well-formed (e.g. a broken %-encoding). */
  MALFORMED_URL: 'REQUEST.MALFORMED_URL',
  /** The body's media type is not supported. */
  UNSUPPORTED_MEDIA_TYPE: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  /** No route matches the method and path. */
  ROUTE_NOT_FOUND: 'ROUTE.NOT_FOUND',
  /** The method is not allowed on this route. */
  METHOD_NOT_ALLOWED: 'ROUTE.METHOD_NOT_ALLOWED',
  /** The region slug in the path is not well-formed. */
  REGION_INVALID_SLUG: 'REGION.INVALID_SLUG',
  /** No active region has this slug. */
  REGION_NOT_FOUND: 'REGION.NOT_FOUND',
  /** A region with this slug already exists. */
  REGION_ALREADY_EXISTS: 'REGION.ALREADY_EXISTS',
  /** No valid credentials (missing, expired, tampered or revoked token). */
  UNAUTHENTICATED: 'AUTH.UNAUTHENTICATED',
  /** Authenticated, but not allowed to do this. */
  FORBIDDEN: 'AUTH.FORBIDDEN',
  /** E-mail and password do not match an active account (deliberately the same for unknown e-mails). */
  INVALID_CREDENTIALS: 'AUTH.INVALID_CREDENTIALS',
  /** Too many failed logins: the account is locked until `retryAfter`. */
  ACCOUNT_LOCKED: 'AUTH.ACCOUNT_LOCKED',
  /** OAuth2 client authentication failed (RFC 6749 `invalid_client`). */
  INVALID_CLIENT: 'AUTH.INVALID_CLIENT',
  /** The refresh token is missing, expired, revoked or was reused (the session family is revoked). */
  REFRESH_INVALID: 'AUTH.REFRESH_INVALID',
  /** The invitation link is unknown, used or expired. */
  INVITATION_INVALID: 'AUTH.INVITATION_INVALID',
  /** The password is too short or too common. */
  WEAK_PASSWORD: 'AUTH.WEAK_PASSWORD',
  /** Too many requests; see the Retry-After header. */
  RATE_LIMITED: 'REQUEST.RATE_LIMITED',
  /** The resource does not exist or is not visible to you. */
  NOT_FOUND: 'RESOURCE.NOT_FOUND',
  /** The change conflicts with the current state (e.g. a duplicate). */
  CONFLICT: 'RESOURCE.CONFLICT',
  /** The change was based on an older version (If-Match / version): reload and retry. */
  STALE: 'RESOURCE.STALE',
  /** Updates must say which version they are based on (If-Match header or `version`). */
  VERSION_REQUIRED: 'RESOURCE.VERSION_REQUIRED',
  /** A learner with a similar name and the same date of birth exists; see `candidates`. */
  POSSIBLE_DUPLICATE: 'LEARNER.POSSIBLE_DUPLICATE',
  /** The region has not enabled the national register number (INSZ). */
  INSZ_NOT_ENABLED: 'LEARNER.INSZ_NOT_ENABLED',
  /** Processing of this learner is restricted (GDPR Art. 18): no changes, contacts or referrals until lifted. */
  LEARNER_RESTRICTED: 'LEARNER.RESTRICTED',
  /** This learner's data was anonymised after the retention period; it can no longer be changed. */
  LEARNER_ANONYMISED: 'LEARNER.ANONYMISED',
  /** An erasure must be confirmed by a second coordinator, not by the one who requested it. */
  ERASURE_NEEDS_SECOND_PERSON: 'ERASURE.FOUR_EYES',
  /** The case cannot go from its current state to the requested one. */
  INVALID_TRANSITION: 'CASE.INVALID_TRANSITION',
  /** A referral to this partner needs the learner's active consent to share with it. */
  NO_SHARING_CONSENT: 'REFERRAL.NO_SHARING_CONSENT',
  /** The referral cannot go from its current state to the requested one (or not by you). */
  INVALID_REFERRAL_TRANSITION: 'REFERRAL.INVALID_TRANSITION',
  /** The webhook URL is not allowed (not https, or a private, loopback or link-local address). */
  WEBHOOK_URL_NOT_ALLOWED: 'WEBHOOK.URL_NOT_ALLOWED',
  /** The delivery cannot be replayed while it is still being attempted. */
  WEBHOOK_DELIVERY_PENDING: 'WEBHOOK.DELIVERY_PENDING',
  /** The Idempotency-Key was used before with a different request. */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY.KEY_REUSED',
  /** A request with this Idempotency-Key is still being processed; retry shortly. */
  IDEMPOTENCY_IN_PROGRESS: 'IDEMPOTENCY.IN_PROGRESS',
  /** A dependency (the database) is not available; retry later. */
  SERVICE_UNAVAILABLE: 'SERVICE.UNAVAILABLE',
  /** An unexpected error; the `correlationId` identifies it in the logs. */
  INTERNAL: 'INTERNAL.ERROR',
  /** A generic HTTP error without a more specific code. */
  HTTP_ERROR: 'HTTP.ERROR',
} as const;

export type ProblemCodeValue = (typeof ProblemCode)[keyof typeof ProblemCode];
