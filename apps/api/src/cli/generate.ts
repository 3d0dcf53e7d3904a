import { databaseIdentity } from '../database/data-sources.js';
import { runMigrations } from '../database/migrate.js';
import { GENERATE_LIMITS, generateRegions } from '../database/seeds/generated-regions.seed.js';
import { fail, integerFlagsOrExit, log, withOwner } from './cli.js';

/**
 * `pnpm db:generate --regions 50 --cases-per-region 20000 [--months 36] [--seed 1]`: load-test regions
 * gen-001 … with realistic, deterministic data and their indicator facts. Rerunnable: regions that already
 * have their data are left as they are.
 */
const FLAGS = {
  regions: { ...GENERATE_LIMITS.regions, default: 50, help: 'regions gen-001 … to generate' },
  'cases-per-region': { ...GENERATE_LIMITS.casesPerRegion, default: 20_000, help: 'cases per region' },
  months: { ...GENERATE_LIMITS.months, default: 36, help: 'months of history up to today' },
  seed: { ...GENERATE_LIMITS.seed, default: 1, help: 'seed of the random choices (same seed, same data)' },
};

const flags = integerFlagsOrExit('pnpm db:generate', FLAGS);

await withOwner(async (owner, server) => {
  await runMigrations(server.config, () => undefined);
  const identity = databaseIdentity(server.config.database);
  log(`Generating ${flags.regions} regions × ${flags['cases-per-region'].toLocaleString('en')} cases over ${flags.months} months (seed ${flags.seed}) ...`);
  const report = await generateRegions(
    owner,
    identity,
    { regions: flags.regions, casesPerRegion: flags['cases-per-region'], months: flags.months, seed: flags.seed },
    log,
  );
  const filled = report.regions.filter((region) => region.filled);
  log(
    `Done: ${filled.length} region${filled.length === 1 ? '' : 's'} filled, ${report.regions.length - filled.length} already there; ` +
      `${report.rows.toLocaleString('en')} rows in ${(report.ms / 1000).toFixed(1)} s` +
      (filled.length > 0 ? ` (${(report.rows / (report.ms / 1000)).toFixed(0)} rows/s)` : ''),
  );
}).catch(fail);
