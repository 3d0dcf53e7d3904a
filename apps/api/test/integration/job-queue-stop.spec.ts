import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

/** Runs the stop probe (its own process: the real job queue's timers must not outlive a Jest environment). */
function probe(mode: 'running' | 'fetching'): Promise<{ state: string; stoppedEarly: boolean }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [fileURLToPath(new URL('../support/job-queue-stop-probe.mjs', import.meta.url)), mode],
      { env: process.env, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`job queue stop probe failed: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as { state: string; stoppedEarly: boolean });
      },
    );
  });
}

/**
 * A process that stops (deploy, scale-in) never leaves a job it took marked active: that job would wait for
 * pg-boss's expiry (15 minutes) before anyone retried it. The stop waits for the job, and for its record.
 */
describe('job queue stop', () => {
  it('a job running at the stop finishes, and the stop waits until its completion is recorded', async () => {
    expect(await probe('running')).toEqual({ state: 'completed', stoppedEarly: false });
  });

  it('a job being fetched at the stop still runs and is recorded completed before the stop returns', async () => {
    expect(await probe('fetching')).toEqual({ state: 'completed', stoppedEarly: false });
  });
});
