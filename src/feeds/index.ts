export { FEED_CONTENT_TYPES, fetchFeed, type FeedFetchResult, type FetchFeedOptions } from './fetch.ts';
export { parseFeed, type FeedItem, type ParsedFeed } from './parse.ts';
export {
  MAX_BACKOFF_MS,
  MAX_CONSECUTIVE_FAILURES,
  POLL_JITTER,
  backoffDelay,
  nextPollDelay,
  shouldDisable,
} from './schedule.ts';
