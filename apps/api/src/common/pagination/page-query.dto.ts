import { ApiPropertyOptional } from '@nestjs/swagger';
import { DomainError } from '../problem/domain-error.js';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
const CURSOR_PATTERN = /^[A-Za-z0-9_-]+$/;

/** The one list convention of the API: `limit` (default 25, max 100) and an opaque `cursor`. */
export class PageQueryDto {
  @ApiPropertyOptional({ description: 'Page size.', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page\'s `nextCursor`.', maxLength: 200, pattern: CURSOR_PATTERN.source })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(CURSOR_PATTERN, { message: 'cursor must be a cursor returned by this API' })
  cursor?: string;
}

/** Cursors are base64url JSON: opaque to clients, checked when read back. */
export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

const invalidCursor = (): DomainError =>
  DomainError.validation([{ field: 'cursor', message: 'cursor must be a cursor returned by this API for the same query', rule: 'cursor' }]);

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A timestamp as `exactInstant` writes it: UTC to the microsecond, like PostgreSQL stores it. */
export const EXACT_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * SQL for the keyset text of a timestamptz column: microseconds kept (a JavaScript Date has milliseconds only,
 * and a cursor that rounds would skip or repeat rows within the same millisecond).
 */
export function exactInstant(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/**
 * The keyset position of a cursor this API issued, each field checked against its pattern (so a forged
 * cursor never reaches SQL as something unexpected); anything else is a 400 on `cursor`.
 */
export function readCursor<K extends string>(cursor: string | undefined, fields: Record<K, RegExp>): Record<K, string> | undefined {
  if (cursor === undefined) return undefined;
  const position = decodeCursor(cursor);
  if (typeof position !== 'object' || position === null) throw invalidCursor();
  const values = position as Record<string, unknown>;
  for (const [key, pattern] of Object.entries<RegExp>(fields)) {
    const value = values[key];
    if (typeof value !== 'string' || !pattern.test(value)) throw invalidCursor();
  }
  return values as Record<K, string>;
}

/** The single keyset field `key` of a cursor (any non-empty text). */
export function cursorKey(cursor: string | undefined, key: string): string | undefined {
  return readCursor(cursor, { [key]: /^[\s\S]{1,300}$/ })?.[key];
}

/**
 * One page from `limit + 1` rows fetched in keyset order, the position of the next page taken from the last
 * row of this one (a keyset of several fields, e.g. a sort value and the id as tie-breaker). A `sortKey` column
 * (the keyset text a repository selects, e.g. with `exactInstant`) is for the cursor only: `map` never sees it,
 * so it cannot reach an answer.
 */
export function toKeysetPage<Row extends object, Item>(
  rows: Row[],
  limit: number,
  map: (row: NoInfer<Omit<Row, 'sortKey'>>) => Item,
  positionOf: (row: Row) => Record<string, string>,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const items = page.map((row) => {
    const { sortKey: _sortKey, ...columns } = row as Row & { sortKey?: unknown };
    return map(columns);
  });
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(positionOf(last)) : null };
}

/**
 * One page from `limit + 1` rows fetched in keyset order: the items and the cursor of the next page.
 */
export function toPage<Row, Item>(rows: Row[], limit: number, map: (row: Row) => Item, key: string, keyOf: (item: Item) => string): { items: Item[]; nextCursor: string | null } {
  const items = rows.slice(0, limit).map(map);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor({ [key]: keyOf(last) }) : null };
}
