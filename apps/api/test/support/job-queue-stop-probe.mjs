// Stops the real job queue (in a process of its own, like job-queue-probe.mjs) at the moment a job is at risk,
// and prints the job's state afterwards. The job runs on a queue of the probe's own, so no other test's API
// process can take it.
//   running:  the stop arrives while the job runs, and its completion is then held by a lock on the job table;
//   fetching: the stop arrives while the worker's fetch of the job is held by that lock.
// Prints { state, stoppedEarly }: the job's state after the stop, and whether the stop returned while the lock
// was still held (it must not: it waits for the job and its record).
import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { loadConfig } from '../../dist/config/config.js';
import { databaseIdentity } from '../../dist/database/data-sources.js';
import { JOB_SCHEMA } from '../../dist/jobs/job-schema.js';
import { JobQueue } from '../../dist/jobs/job-queue.js';

const mode = process.argv[2];
if (mode !== 'running' && mode !== 'fetching') throw new Error('usage: job-queue-stop-probe.mjs running|fetching');
const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS_ENABLED: 'true' });
const identity = databaseIdentity(config.database);
const queueName = `probe-stop-${randomUUID()}`;

const owner = new pg.Client({ connectionString: identity.ownerUrl });
await owner.connect();
const admin = new PgBoss({ connectionString: identity.ownerUrl, schema: JOB_SCHEMA, migrate: false, supervise: false, schedule: false, max: 1 });
admin.on('error', () => undefined);
await admin.start();
await admin.createQueue(queueName);
const { rows: partition } = await owner.query('SELECT partition_name FROM jobs.queue WHERE name = $1', [queueName]);
await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON jobs."${partition[0].partition_name}" TO "${identity.roles.app}"`);
const jobId = await admin.send(queueName, {});

const waitFor = async (what, check) => {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
};
const waitingOnLock = async (sql) =>
  (
    await owner.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'leerwinkel-jobs' AND wait_event_type = 'Lock' AND query LIKE $1",
      [`%${sql}%`],
    )
  ).rows[0].n > 0;

const locker = new pg.Client({ connectionString: identity.ownerUrl });
await locker.connect();
const lockJobs = async () => {
  await locker.query('BEGIN');
  await locker.query(`LOCK TABLE jobs."${partition[0].partition_name}" IN SHARE MODE`);
};

let release;
const running = new Promise((resolve) => {
  release = resolve;
});
let started = false;
const queue = new JobQueue(config);
queue.work({
  name: queueName,
  concurrency: 1,
  run: async () => {
    started = true;
    await running;
  },
});

let stopped = false;
let stoppedEarly;
if (mode === 'running') {
  await queue.onApplicationBootstrap();
  await waitFor('the job to start', async () => started);
  const stop = queue.beforeApplicationShutdown().then(() => {
    stopped = true;
  });
  await lockJobs();
  release();
  await waitFor('the completion to wait for the lock', () => waitingOnLock('completed_on = now()'));
  await sleep(300);
  stoppedEarly = stopped;
  await locker.query('COMMIT');
  await stop;
} else {
  await lockJobs();
  await queue.onApplicationBootstrap();
  await waitFor('the fetch to wait for the lock', () => waitingOnLock('WITH next'));
  const stop = queue.beforeApplicationShutdown().then(() => {
    stopped = true;
  });
  await sleep(300);
  stoppedEarly = stopped;
  await locker.query('COMMIT');
  release();
  await stop;
}

const { rows } = await owner.query('SELECT state FROM jobs.job WHERE id = $1', [jobId]);
await locker.end();
await owner.query('DELETE FROM jobs.job WHERE name = $1', [queueName]);
await admin.deleteQueue(queueName);
await admin.stop({ graceful: false, wait: true });
await owner.end();
process.stdout.write(JSON.stringify({ state: rows[0]?.state, stoppedEarly }));
process.exit(0);
