import type { AppConfig } from '../config/config.js';
import { migrateDatabase, type MigrationReport } from '../tenancy/schema-migrator.js';
import { installJobSchema } from '../jobs/job-schema.js';
import { createOwnerDataSource, databaseIdentity } from './data-sources.js';

/** Runs `db:migrate` for the configured database and returns the report. */
export async function runMigrations(config: AppConfig, log: (message: string) => void): Promise<MigrationReport> {
  const owner = createOwnerDataSource(config.database);
  await owner.initialize();
  try {
    const report = await migrateDatabase(owner, {
      roles: databaseIdentity(config.database).roles,
      appPassword: config.database.appPassword,
      concurrency: config.database.migrationConcurrency,
      onWait: () => {
        log('Another migration is running; waiting for it to finish ...');
      },
    });
    await installJobSchema(databaseIdentity(config.database));
    log(describeReport(report));
    return report;
  } finally {
    await owner.destroy();
  }
}

export function describeReport(report: MigrationReport): string {
  const changed = report.regions.filter((r) => r.applied.length > 0);
  const lines = [
    `platform: ${report.platform.length === 0 ? 'up to date' : `applied ${report.platform.join(', ')}`}`,
    `regions: ${report.regions.length} (${changed.length} migrated, ${report.failed.length} failed)`,
    ...changed.map((r) => `  ${r.slug}: applied ${r.applied.join(', ')}`),
    ...report.failed.map((r) => `  FAILED ${r.slug}: ${r.error ?? ''}`),
  ];
  return lines.join('\n');
}
