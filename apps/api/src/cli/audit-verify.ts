import { describeAuditChainReport, verifyAuditChainSnapshot } from '../modules/audit/audit-chain.js';
import { fail, integerFlagsOrExit, withOwner } from './cli.js';

/**
 * `pnpm audit:verify [--batch-size 5000] [--max-findings 100]`: recomputes the audit hash chain on one
 * snapshot and reports every modified, deleted or re-ordered event. Exit 0 when intact, 1 when not (or
 * when the check could not run), 2 on bad arguments. Read-only; it does not migrate.
 */
const FLAGS = {
  'batch-size': { default: 5_000, min: 1, max: 100_000, help: 'events read per query' },
  'max-findings': { default: 100, min: 1, max: 1_000_000, help: 'findings listed (the rest are counted)' },
};

const flags = integerFlagsOrExit('pnpm audit:verify', FLAGS);

const intact = await withOwner(async (owner) => {
  const [installed] = await owner.query<[{ head: string | null }]>("SELECT to_regclass('platform.audit_chain_head')::text AS head");
  if (!installed.head) throw new Error('The audit chain is not set up in this database: run pnpm db:migrate first.');
  const report = await verifyAuditChainSnapshot(owner, { batchSize: flags['batch-size'], maxFindings: flags['max-findings'] });
  process.stdout.write(`${describeAuditChainReport(report).join('\n')}\n`);
  return report.intact;
}).catch(fail);
process.exit(intact ? 0 : 1);
