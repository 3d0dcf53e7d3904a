import type { IncomingMessage, ServerResponse } from 'node:http';
import { type BeforeApplicationShutdown, Injectable, type INestApplication, type NestMiddleware } from '@nestjs/common';
import type { Logger } from 'pino';

/** After SIGTERM, requests in flight get this long to finish before the process gives up and exits 1. */
export const SHUTDOWN_TIMEOUT_MS = 25_000;

/**
 * Lets keep-alive connections end with their answer once shutdown starts. Node's server.close() stops
 * accepting connections and closes idle ones, but a connection busy with a request stays open after its
 * answer until the keep-alive timeout; so every answer sent while draining says `Connection: close`.
 */
@Injectable()
export class ConnectionDrain implements NestMiddleware, BeforeApplicationShutdown {
  private draining = false;
  private readonly inFlight = new Set<ServerResponse>();

  readonly use = (_request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    if (this.draining) {
      response.shouldKeepAlive = false;
    } else {
      this.inFlight.add(response);
      response.once('close', () => this.inFlight.delete(response));
    }
    next();
  };

  /** Runs before Nest closes the HTTP server (which then waits for the requests in flight). */
  beforeApplicationShutdown(): void {
    this.draining = true;
    for (const response of this.inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
    this.inFlight.clear();
  }
}

/**
 * SIGTERM or SIGINT: stop taking connections, let requests in flight and running jobs finish, close the
 * pools, then exit 0 — or exit 1 when that fails or takes longer than `timeoutMs`.
 */
export function closeOnSignals(app: INestApplication, logger: Logger, timeoutMs = SHUTDOWN_TIMEOUT_MS): void {
  const close = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'shutting down: draining requests in flight');
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown took too long; exiting');
      process.exit(1);
    }, timeoutMs);
    deadline.unref();
    app.close().then(
      () => {
        logger.info('shut down cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, close);
}
