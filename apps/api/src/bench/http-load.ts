import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { stopChild } from './stop-child.js';

/**
 * Plumbing of the HTTP benchmarks (`pnpm bench:read|spread|write|memory`): server processes, load with
 * autocannon (as a library, in the benchmark's own process — the servers run in processes of their own so
 * their CPU and memory are theirs alone), and samplers.
 */

export interface ServerProcess {
  url: string;
  pid: number;
  /** SIGTERM, then waits for the exit (a CPU profile, when asked for, is written then). */
  stop: () => Promise<void>;
}

/**
 * Starts `node [nodeArgs] script` with exactly `env` (nothing inherited) and waits until a line of its
 * stdout or stderr matches `ready`. Its request logs (stdout) go nowhere when `quietStdout`.
 */
export async function startServer(script: string, options: { env: Record<string, string>; port: number; ready: RegExp; nodeArgs?: string[]; quietStdout?: boolean }): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script], {
    env: options.env,
    stdio: ['ignore', options.quietStdout ? 'ignore' : 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${script} not ready after 60 s:\n${output.slice(-2000)}`));
    }, 60_000);
    const watch = (chunk: Buffer): void => {
      output += chunk.toString();
      if (options.ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', watch);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${String(code)}:\n${output.slice(-2000)}`));
    });
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${script}: no process id`);
  return { url: `http://127.0.0.1:${String(options.port)}`, pid, stop: () => stopChild(child) };
}

/** Resident memory of a process in MiB (VmRSS of /proc/<pid>/status). */
export function residentMiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${String(pid)}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/**
 * CPU time (user + system, all threads) a process has used, in ms: fields 14 and 15 of /proc/<pid>/stat, in
 * clock ticks of 10 ms (USER_HZ is 100 on Linux).
 */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Calls `probe` every `intervalMs` until stopped; answers the samples with their time (ms since start). */
export function sampleEvery(intervalMs: number, probe: () => number | Promise<number>): { stop: () => Promise<{ at: number; value: number }[]> } {
  const samples: { at: number; value: number }[] = [];
  const started = performance.now();
  let running: Promise<void> = Promise.resolve();
  const take = (): void => {
    running = running.then(async () => {
      const at = performance.now() - started;
      samples.push({ at, value: await probe() });
    });
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
      return samples;
    },
  };
}

/** One request of a sequence: built from the connection's current target. */
export interface Step<T> {
  method: 'GET' | 'POST';
  path: (target: T) => string;
  body?: (target: T) => string;
}

export interface LoadResult {
  /** Mean requests per second over the run. */
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** The first non-2xx answer, to say what went wrong. */
  firstFailure: string | null;
}

/**
 * Drives `connections` keep-alive connections for `seconds` (or `amount` requests) against `url`. Each connection goes through
 * `steps` again and again; `pick` chooses the target (region and case) at the first step of each round.
 */
export async function runLoad<T>(options: {
  url: string;
  connections: number;
  /** How long to run; or, with `amount`, the number of requests to send and see answered (no answer is cut off at the end). */
  seconds: number;
  amount?: number;
  authorization: string;
  steps: readonly Step<T>[];
  pick: () => T;
}): Promise<LoadResult> {
  let firstFailure: string | null = null;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount === undefined ? { duration: options.seconds } : { amount: options.amount }),
    headers: { authorization: options.authorization, 'content-type': 'application/json' },
    requests: options.steps.map((step, index) => ({
      method: step.method,
      setupRequest: (request: autocannon.Request, context: object) => {
        const state = context as { target?: T };
        if (index === 0 || state.target === undefined) state.target = options.pick();
        const target = state.target;
        return { ...request, method: step.method, path: step.path(target), ...(step.body ? { body: step.body(target) } : {}) };
      },
      onResponse: (status: number, body: string) => {
        if ((status < 200 || status > 299) && firstFailure === null) firstFailure = `${String(status)} ${body.slice(0, 300)}`;
      },
    })),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'],
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    firstFailure,
  };
}

/** Least-squares slope of `points` (y per x). */
export function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((sum, p) => sum + p.x, 0) / n;
  const my = points.reduce((sum, p) => sum + p.y, 0) / n;
  const sxx = points.reduce((sum, p) => sum + (p.x - mx) ** 2, 0);
  return sxx === 0 ? 0 : points.reduce((sum, p) => sum + (p.x - mx) * (p.y - my), 0) / sxx;
}
