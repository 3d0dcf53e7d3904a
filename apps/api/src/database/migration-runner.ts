import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A TypeORM migration class; its name ends in the 13-digit timestamp that orders it (TypeORM's convention). */
export type MigrationClass = new () => MigrationInterface;

export interface AppliedMigration {
  timestamp: number;
  name: string;
}

export function migrationTimestamp(migration: MigrationClass): number {
  const match = /(\d{13})$/.exec(migration.name);
  if (!match?.[1]) throw new Error(`Migration class ${migration.name} must end in a 13-digit timestamp`);
  return Number(match[1]);
}

/**
 * Applies the pending migrations of one schema, recording each in `<schema>.migrations` (TypeORM's table
 * layout). The caller owns the transaction and has set the search_path to the schema, so migrations use
 * unqualified names. Returns what was applied (empty when the schema was up to date).
 */
export async function applyMigrations(
  runner: QueryRunner,
  quotedSchema: string,
  migrations: readonly MigrationClass[],
): Promise<AppliedMigration[]> {
  await ensureMigrationTable(runner, quotedSchema);
  const rows = (await runner.query(`SELECT "timestamp" FROM ${quotedSchema}.migrations`)) as { timestamp: string }[];
  const done = new Set(rows.map((row) => Number(row.timestamp)));
  const pending = [...migrations]
    .map((migration) => ({ migration, timestamp: migrationTimestamp(migration) }))
    .filter(({ timestamp }) => !done.has(timestamp))
    .sort((a, b) => a.timestamp - b.timestamp);

  const applied: AppliedMigration[] = [];
  for (const { migration, timestamp } of pending) {
    await new migration().up(runner);
    await runner.query(`INSERT INTO ${quotedSchema}.migrations ("timestamp", name) VALUES ($1, $2)`, [
      timestamp,
      migration.name,
    ]);
    applied.push({ timestamp, name: migration.name });
  }
  return applied;
}

export async function ensureMigrationTable(runner: QueryRunner, quotedSchema: string): Promise<void> {
  await runner.query(
    `CREATE TABLE IF NOT EXISTS ${quotedSchema}.migrations (
       id serial PRIMARY KEY,
       "timestamp" bigint NOT NULL UNIQUE,
       name varchar NOT NULL,
       applied_at timestamptz NOT NULL DEFAULT now()
     )`,
  );
}

export function latestTimestamp(migrations: readonly MigrationClass[]): number {
  return Math.max(0, ...migrations.map(migrationTimestamp));
}
