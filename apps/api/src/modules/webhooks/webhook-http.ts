import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { hostOf, type WebhookUrlPolicy } from './webhook-url-policy.js';

export interface AttemptOutcome {
  /** HTTP status of the answer; null when none came (refused, timed out, blocked). */
  status: number | null;
  error: string | null;
  durationMs: number;
}

const TIMEOUT_MS = 10_000;

/**
 * POSTs one webhook: no redirects followed, 10 s for the whole exchange, the answer body read and dropped
 * (at most 64 KiB), only 2xx counts as delivered. Connections go only where the URL policy allows.
 */
export function postWebhook(policy: WebhookUrlPolicy, target: string, body: string, headers: Record<string, string>): Promise<AttemptOutcome> {
  const started = performance.now();
  const finish = (status: number | null, error: string | null): AttemptOutcome => ({ status, error, durationMs: Math.round(performance.now() - started) });
  const url = new URL(target);
  const host = hostOf(url);
  const refusal = policy.problemWith(target);
  if (refusal) return Promise.resolve(finish(null, refusal));
  return new Promise((resolve) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'Leerwinkel-Webhooks/1' },
        lookup: policy.guardedLookup(host),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      },
      (res) => {
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > 65_536) res.destroy();
        });
        res.on('close', () => {
          const status = res.statusCode ?? null;
          resolve(finish(status, status !== null && status >= 200 && status < 300 ? null : `HTTP ${String(status)}`));
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      resolve(finish(null, error.name === 'AbortError' ? 'timed out after 10 s' : error.message.slice(0, 300)));
    });
    req.end(body);
  });
}
