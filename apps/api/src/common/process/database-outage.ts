import type { Logger } from 'pino';
import { databaseUnavailable } from '../problem/problem.filter.js';

/**
 * Keeps the API up while PostgreSQL is away. pg-boss 10.4.2 (the last release that runs on Node 20) does not
 * await marking a finished job complete or failed, so when the database goes away just then, that promise
 * rejects with nobody listening — and Node ends the process. Such rejections (only those caused by an
 * unreachable database) are logged instead; the job stays active until it expires and pg-boss retries it.
 * Any other unhandled rejection still ends the process, as Node does by default.
 */
export function surviveDatabaseOutages(logger: Logger): void {
  process.on('unhandledRejection', (reason) => {
    if (!databaseUnavailable(reason)) throw reason;
    logger.warn({ err: reason }, 'a background promise failed while the database was unreachable');
  });
}
