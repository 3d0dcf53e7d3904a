import { describe, expect, it } from '@jest/globals';
import { RateLimitWindows } from './throttling.js';

describe('rate-limit windows', () => {
  it('allows the limit per minute and per key, then answers the seconds to wait', () => {
    const windows = new RateLimitWindows();
    const t = 1_800_000_000_000; // a minute boundary
    for (let i = 0; i < 3; i++) expect(windows.hit('user:a', 3, t + i)).toBe(0);
    expect(windows.hit('user:a', 3, t + 15_000)).toBe(45);
    expect(windows.hit('user:b', 3, t + 15_000)).toBe(0); // other principals are not affected
    expect(windows.hit('user:a', 3, t + 60_000)).toBe(0); // a new window
  });

  it('tells what is left of the current window', () => {
    const windows = new RateLimitWindows();
    const t = 1_800_000_000_000;
    expect(windows.state('user:a', 3, t)).toEqual({ remaining: 3, resetSeconds: 60 });
    windows.hit('user:a', 3, t);
    windows.hit('user:a', 3, t + 1_000);
    expect(windows.state('user:a', 3, t + 20_000)).toEqual({ remaining: 1, resetSeconds: 40 });
    for (let i = 0; i < 3; i++) windows.hit('user:a', 3, t + 21_000);
    expect(windows.state('user:a', 3, t + 21_000)).toEqual({ remaining: 0, resetSeconds: 39 });
    expect(windows.state('user:a', 3, t + 61_000)).toEqual({ remaining: 3, resetSeconds: 59 });
  });
});
