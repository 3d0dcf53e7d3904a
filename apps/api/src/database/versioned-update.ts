import type { EntityManager } from 'typeorm';

/**
 * The optimistic-concurrency update every versioned record uses: sets the columns of the fields present in
 * `changes` (mapped by `columns`), bumps `version` and `updated_at`, but only when the stored version is
 * `expectedVersion`. Answers whether a row was updated (false: stale or gone). Table and column names come
 * from code, never from input; values are bound parameters.
 */
export async function versionedUpdate<F extends string>(
  manager: EntityManager,
  table: string,
  id: string,
  expectedVersion: number,
  columns: Record<F, string>,
  changes: Partial<Record<F, unknown>>,
  encode: (field: F, value: unknown) => unknown = (_field, value) => value,
): Promise<boolean> {
  const set = (Object.entries(columns) as [F, string][]).filter(([field]) => changes[field] !== undefined);
  const [rows] = await manager.query<[unknown[], number]>(
    `UPDATE ${table} SET ${[...set.map(([, column], i) => `${column} = $${i + 3}`), 'version = version + 1', 'updated_at = now()'].join(', ')}
      WHERE id = $1 AND version = $2 RETURNING id`,
    [id, expectedVersion, ...set.map(([field]) => encode(field, changes[field]))],
  );
  return rows.length > 0;
}
