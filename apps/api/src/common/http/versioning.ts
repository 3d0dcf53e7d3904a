import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';
import { ProblemCode } from '@leerwinkel/contracts';
import { DomainError } from '../problem/domain-error.js';

/** The ETag of a versioned resource: its version number, quoted. */
export function etag(version: number): string {
  return `"${version}"`;
}

/** The If-Match header of the request, if any. */
export const IfMatch = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<Request>().headers['if-match'];
  return typeof value === 'string' ? value : undefined;
});

const ETAG_PATTERN = /^(?:W\/)?"(\d{1,10})"$/;

/** Documents the If-Match header of a versioned update (the ETag read, e.g. `"3"`). */
export function ApiIfMatch(): MethodDecorator {
  return ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the version this change is based on.', schema: { type: 'string', pattern: ETAG_PATTERN.source, maxLength: 14 } });
}

/**
 * The version an update is based on: from If-Match (`"3"` or `W/"3"`) or the body's `version`. Missing →
 * 428; both present and different → 400.
 */
export function basedOnVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number {
  const fromHeader = ifMatch === undefined ? undefined : ETAG_PATTERN.exec(ifMatch.trim())?.[1];
  if (ifMatch !== undefined && fromHeader === undefined) {
    throw DomainError.validation([{ field: 'If-Match', message: 'If-Match must be the ETag of the resource, e.g. "3"', rule: 'etag' }]);
  }
  const header = fromHeader === undefined ? undefined : Number(fromHeader);
  if (header !== undefined && bodyVersion !== undefined && header !== bodyVersion) {
    throw DomainError.validation([{ field: 'version', message: 'version and If-Match disagree', rule: 'etag' }]);
  }
  const version = header ?? bodyVersion;
  if (version === undefined) {
    throw new DomainError(ProblemCode.VERSION_REQUIRED, 428, 'Version required', 'Send If-Match with the ETag you read (or `version`), so a concurrent change is not overwritten.');
  }
  return version;
}

export function staleVersion(current: number): DomainError {
  return new DomainError(ProblemCode.STALE, 412, 'Changed by someone else', 'This record changed since you read it. Reload it and apply your change again.', undefined, {
    currentVersion: current,
  });
}
