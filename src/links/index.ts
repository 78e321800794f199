export { addressProblem, isPublicAddress } from './addresses.ts';
export {
  ARTICLE_CONTENT_TYPES,
  MIN_ARTICLE_CHARS,
  articleFromHtml,
  articleFromText,
  fetchArticle,
  type Article,
  type FetchArticleOptions,
} from './article.ts';
export { LinkError, isLinkError, type LinkErrorKind } from './errors.ts';
export { DEFAULT_TIMEOUT_MS, MAX_REDIRECTS, guardedFetch, type GuardOptions, type Resolver } from './guarded-fetch.ts';
export { htmlToText } from './html-text.ts';
export { pinningAvailable } from './pinned-dispatcher.ts';
