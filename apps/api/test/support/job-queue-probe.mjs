// Runs the real job queue (pg-boss) in its own process, so its timers end with the process and never outlive a
// Jest test environment: starts the queue with one scheduled job, prints the schedules pg-boss stored, stops.
import { loadConfig } from '../../dist/config/config.js';
import { JOB_QUEUES } from '../../dist/jobs/job-names.js';
import { JobQueue } from '../../dist/jobs/job-queue.js';
import pg from 'pg';

const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS_ENABLED: 'true' });
const queue = new JobQueue(config);
queue.schedule({ name: JOB_QUEUES.referralsExpire, cron: '*/15 * * * *', run: async () => 0 });
await queue.onApplicationBootstrap();
const client = new pg.Client({ connectionString: config.database.url });
await client.connect();
const { rows } = await client.query('SELECT name, cron FROM jobs.schedule ORDER BY name');
await client.end();
await queue.beforeApplicationShutdown();
process.stdout.write(JSON.stringify(rows));
process.exit(0);
