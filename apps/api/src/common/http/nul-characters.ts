import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../problem/domain-error.js';

/**
 * PostgreSQL text cannot hold U+0000, so a NUL anywhere in a query string or a parsed body would fail deep in
 * a transaction as a 500. Refused here instead, for every route at once, as the client's 400.
 */
export function rejectNulCharacters(request: Request, _response: Response, next: NextFunction): void {
  const field = [withNul(request.query, ''), withNul(request.body, '')].find((found) => found !== undefined);
  next(
    field === undefined
      ? undefined
      : DomainError.validation([
          { field, message: `${field} must not contain NUL characters (U+0000)`, rule: 'noNulCharacters' },
        ]),
  );
}

/** The path of the first string holding a NUL (`learner.firstName`, `items[2]`), or undefined. */
function withNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'body' : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found =
      withNul(key, path) ?? withNul(inner, Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}
