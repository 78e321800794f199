import { describe, expect, it } from 'vitest';
import {
  MAX_BACKOFF_MS,
  MAX_CONSECUTIVE_FAILURES,
  backoffDelay,
  nextPollDelay,
  shouldDisable,
} from '../../src/feeds/schedule.ts';
import { LinkError } from '../../src/links/errors.ts';

const HOUR = 60 * 60 * 1000;

describe('nextPollDelay', () => {
  it('stays within ±10% of the interval and is the same for the same feed every time', () => {
    for (let id = 0; id < 500; id++) {
      const delay = nextPollDelay(HOUR, id);
      expect(delay).toBeGreaterThanOrEqual(0.9 * HOUR);
      expect(delay).toBeLessThanOrEqual(1.1 * HOUR);
      expect(nextPollDelay(HOUR, id)).toBe(delay);
    }
  });

  it('spreads feeds across the window', () => {
    const delays = Array.from({ length: 200 }, (_, i) => nextPollDelay(HOUR, `feed-${i}`));
    expect(new Set(delays).size).toBeGreaterThan(190);
    expect(delays.some((d) => d < 0.95 * HOUR)).toBe(true);
    expect(delays.some((d) => d > 1.05 * HOUR)).toBe(true);
  });
});

describe('backoffDelay', () => {
  it('doubles with each failure in a row and stops at a day', () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, 15 * 60 * 1000) / 60_000)).toEqual([15, 30, 60, 120]);
    expect(backoffDelay(10, HOUR)).toBe(MAX_BACKOFF_MS);
    expect(backoffDelay(10_000, HOUR)).toBe(MAX_BACKOFF_MS);
  });

  it('never waits less than the interval itself', () => {
    expect(backoffDelay(3, 2 * MAX_BACKOFF_MS)).toBe(2 * MAX_BACKOFF_MS);
    expect(backoffDelay(-1, HOUR)).toBe(HOUR);
  });
});

describe('shouldDisable', () => {
  const timeout = new LinkError('timeout', 'the site did not answer within 10 s', 'https://x.example/feed');
  it('disables after five failures in a row', () => {
    expect(MAX_CONSECUTIVE_FAILURES).toBe(5);
    expect(shouldDisable(4, timeout)).toBe(false);
    expect(shouldDisable(5, timeout)).toBe(true);
    expect(shouldDisable(5)).toBe(true);
  });

  it('disables at once on 404 and 410, not on other statuses', () => {
    const url = 'https://x.example/feed';
    expect(shouldDisable(1, new LinkError('not-found', 'not found', url, 404))).toBe(true);
    expect(shouldDisable(1, new LinkError('gone', 'gone', url, 410))).toBe(true);
    expect(shouldDisable(1, new LinkError('http-status', 'HTTP 503', url, 503))).toBe(false);
    expect(shouldDisable(0, new Error('anything else'))).toBe(false);
  });
});
