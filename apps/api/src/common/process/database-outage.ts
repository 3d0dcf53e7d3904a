import type { Logger } from 'pino';
import { databaseUnavailable } from '../problem/problem.filter.js';

/**
 * Keeps the API up while PostgreSQL is away. Background work handles its own errors (the job queue's loops, its
 * listener, pg-boss's maintenance, which reports on its 'error' event); this is the last line for a background
 * promise that still rejects because the database is unreachable: logged instead of ending the process (pg-boss's
 * own job completion did so before we ran jobs in loops of our own). Any other unhandled rejection still ends the
 * process, as Node does by default.
 */
export function surviveDatabaseOutages(logger: Logger): void {
  process.on('unhandledRejection', (reason) => {
    if (!databaseUnavailable(reason)) throw reason;
    logger.warn({ err: reason }, 'a background promise failed while the database was unreachable');
  });
}
