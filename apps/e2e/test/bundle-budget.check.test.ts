import { describe, expect, it } from 'vitest';
import { INITIAL_JS_BUDGET_BYTES, measureInitialJs } from '../src/bundle-size.js';

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

describe('the performance budget of the web app', () => {
  it('keeps the initial JavaScript (entry chunk and its static imports, gzipped) within 250 kB', () => {
    const initial = measureInitialJs();
    console.log(
      [
        `initial JavaScript (from ${initial.source}): ${kB(initial.gzipBytes)} gzip of ${kB(INITIAL_JS_BUDGET_BYTES)} ` +
          `(${((initial.gzipBytes / INITIAL_JS_BUDGET_BYTES) * 100).toFixed(0)}%), ${kB(initial.bytes)} uncompressed`,
        ...initial.files.map((file) => `  ${file.file.padEnd(40)} ${kB(file.gzipBytes).padStart(9)} gzip`),
      ].join('\n'),
    );
    // The entry and the shared framework chunk are always there; a lazily loaded page never is.
    expect(initial.files.map((file) => file.file)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^assets\/index-.*\.js$/)]),
    );
    expect(initial.files.some((file) => /-page-/.test(file.file))).toBe(false);
    expect(initial.gzipBytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
  });
});
