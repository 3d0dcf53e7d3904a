import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The platform schema (private to the API) with the region registry, and the reference schema
 * (read-only shared data that region roles may read).
 */
export class CreatePlatform1764403200000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE platform.region (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z][a-z0-9-]{1,40}$'),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
        schema_name text NOT NULL UNIQUE,
        role_name text NOT NULL UNIQUE,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
        schema_version bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE VIEW reference.region AS
        SELECT slug, display_name FROM platform.region WHERE status = 'active'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP VIEW reference.region');
    await runner.query('DROP TABLE platform.region');
  }
}
