import { isLinkError } from '../links/errors.ts';

/** When to poll a feed next, and when to give up on it. Pure: the poller stores the counts and the times. */

/** Each feed's polls land within ±10% of its interval, at the same offset every time, so feeds spread out. */
export const POLL_JITTER = 0.1;
/** However often a feed fails, it is retried at least once a day until it is disabled. */
export const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;
/** Five failures in a row disable a feed; a 404 or 410 disables it at once. */
export const MAX_CONSECUTIVE_FAILURES = 5;

/** FNV-1a over the id's characters → a fraction in [0, 1). */
function unitHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 2 ** 32;
}

export function nextPollDelay(intervalMs: number, feedId: string | number): number {
  const offset = (unitHash(String(feedId)) * 2 - 1) * POLL_JITTER;
  return Math.round(intervalMs * (1 + offset));
}

/** The interval doubled for each failure in a row (0 failures: the interval), never over a day. */
export function backoffDelay(failures: number, intervalMs: number): number {
  const doublings = Math.min(Math.max(0, Math.floor(failures)), 30);
  return Math.min(intervalMs * 2 ** doublings, Math.max(intervalMs, MAX_BACKOFF_MS));
}

export function shouldDisable(consecutiveFailures: number, lastError?: unknown): boolean {
  return consecutiveFailures >= MAX_CONSECUTIVE_FAILURES || isLinkError(lastError, 'not-found', 'gone');
}
