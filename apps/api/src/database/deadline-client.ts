import pg from 'pg';

/**
 * Every query of a connection dropped for its deadline fails with this (the problem filter answers 503). The
 * server did not answer at all — it is frozen or unreachable without refusing — so the connection is gone.
 */
export class QueryDeadlineError extends Error {
  override readonly name = 'QueryDeadlineError';

  constructor(readonly deadlineMs: number) {
    super(`PostgreSQL did not answer within the query deadline (${String(deadlineMs)} ms); the connection was dropped`);
  }
}

/**
 * pg's own query() applied to a client (its overloads take and return what they are given). Looked up at each
 * call, not once at import, so that whatever wraps pg's prototype later (the tests' SQL recorder) sees these
 * queries too.
 */
const pgQuery = (client: pg.Client, args: unknown[]): unknown =>
  // eslint-disable-next-line @typescript-eslint/unbound-method -- applied with the client as `this`
  Reflect.apply(pg.Client.prototype.query, client, args);

/**
 * A pg Client for the request pool whose queries cannot wait forever. PostgreSQL's own statement_timeout needs
 * a running server; a frozen one (stopped VM, partition without resets) answers nothing while the kernel still
 * acknowledges TCP, so a query on an open connection would wait forever and hold its request and pool slot.
 *
 * Each query arms a timer; when no answer came within `deadlineMs`, the connection's socket is destroyed. Every
 * query on it then fails with QueryDeadlineError, the client is no longer queryable, TypeORM releases it with the
 * error and the pool drops it — it is never reused, so nothing of its open transaction (the region's transaction-
 * local role and settings) can reach the next request. The server, once running again, sees the closed socket
 * and rolls that transaction back.
 *
 * Not pg's own `query_timeout`: after it fires, pg leaves the sent query running and silently drops the queries
 * queued behind it (TypeORM's ROLLBACK), and the connection goes back to the pool mid-transaction.
 *
 * Only promise and callback queries get a deadline (all TypeORM sends); submittables (cursors, COPY streams)
 * keep a connection busy across round trips on purpose and run on the owner's pool only.
 */
export function deadlineClient(deadlineMs: number): typeof pg.Client {
  return class DeadlineClient extends pg.Client {
    // Typed as loosely as pg's many overloads require: the arguments go to pg unchanged, and so does its result.
    override query(...args: unknown[]): never {
      if (typeof (args[0] as { submit?: unknown } | null)?.submit === 'function') return pgQuery(this, args) as never;
      const timer = setTimeout(() => {
        this.connection.stream.destroy(new QueryDeadlineError(deadlineMs));
      }, deadlineMs);
      timer.unref(); // a query in flight keeps its socket (and the process) alive anyway
      const settled = (): void => {
        clearTimeout(timer);
      };
      const callbackAt = args.findLastIndex((arg) => typeof arg === 'function');
      if (callbackAt >= 0) {
        const callback = args[callbackAt] as (...results: unknown[]) => void;
        args[callbackAt] = (...results: unknown[]) => {
          settled();
          callback(...results);
        };
      }
      const result = pgQuery(this, args);
      if (result instanceof Promise) result.then(settled, settled);
      // A callback in the query config object: its end cannot be seen from here, so no deadline.
      else if (callbackAt < 0) settled();
      return result as never;
    }
  };
}
