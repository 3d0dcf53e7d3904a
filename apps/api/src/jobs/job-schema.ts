import PgBoss from 'pg-boss';
import { Client } from 'pg';
import type { DatabaseIdentity } from '../database/data-sources.js';
import { quoteIdent } from '../tenancy/region-naming.js';
import { JOB_QUEUES } from './job-names.js';

/** The job queue's tables (pg-boss) live in their own schema, created and migrated by db:migrate as the owner. */
export const JOB_SCHEMA = 'jobs';

export async function installJobSchema(identity: DatabaseIdentity): Promise<void> {
  const boss = new PgBoss({ connectionString: identity.ownerUrl, schema: JOB_SCHEMA, migrate: true, supervise: false, schedule: false, max: 2 });
  boss.on('error', () => undefined);
  await boss.start();
  for (const queue of Object.values(JOB_QUEUES)) {
    if (!(await boss.getQueue(queue))) await boss.createQueue(queue);
  }
  await boss.stop({ graceful: false, wait: true });
  const client = new Client({ connectionString: identity.ownerUrl });
  await client.connect();
  try {
    const app = quoteIdent(identity.roles.app);
    await client.query(`GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO ${app}`);
    // The webhook dispatcher queues deliveries in the same transaction that records them.
    const webhooks = quoteIdent(identity.roles.webhooks);
    await client.query(`GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO ${webhooks}`);
    await client.query(`GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO ${webhooks}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO ${app}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOB_SCHEMA} TO ${app}`);
    await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOB_SCHEMA} TO ${app}`);
  } finally {
    await client.end();
  }
}
