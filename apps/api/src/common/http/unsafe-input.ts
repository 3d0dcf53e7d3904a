import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../problem/domain-error.js';

/** Deeper than any request of this API (its DTOs nest three levels); deeper would only exhaust the stack. */
export const MAX_INPUT_DEPTH = 32;

/**
 * Refuses, for every route at once and before any handler, input the rest of the stack cannot take: a NUL
 * character (PostgreSQL text cannot hold U+0000, so it would fail deep in a transaction as a 500) anywhere in
 * the query string or the parsed body (path parameters are checked by their own pipes), and a body nested deeper than MAX_INPUT_DEPTH (validation and
 * transformation recurse). Both are the client's 400.
 */
export function rejectUnsafeInput(request: Request, _response: Response, next: NextFunction): void {
  const problem = unsafe(request.query) ?? unsafe(request.body);
  next(problem === undefined ? undefined : DomainError.validation([problem]));
}

/** The first NUL (in a value or a key) or the first level too deep, with its path (`learner.firstName`, `items[2]`). */
function unsafe(root: unknown): { field: string; message: string; rule: string } | undefined {
  // Iterative, so that a deeply nested body cannot exhaust the stack here either.
  const pending: [unknown, string, number][] = [[root, '', 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [value, path, depth] = next;
    const field = path || 'body';
    if (typeof value === 'string' && value.includes('\u0000')) {
      return { field, message: `${field} must not contain NUL characters (U+0000)`, rule: 'noNulCharacters' };
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_INPUT_DEPTH)
      return { field, message: `the input may nest at most ${String(MAX_INPUT_DEPTH)} levels`, rule: 'maxDepth' };
    for (const [key, inner] of Object.entries(value)) {
      const at = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (key.includes('\u0000'))
        return { field: at, message: `${at} must not contain NUL characters (U+0000)`, rule: 'noNulCharacters' };
      pending.push([inner, at, depth + 1]);
    }
  }
  return undefined;
}
