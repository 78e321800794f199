/** Why a link or a feed was refused. Each kind has a reason a user can read (LinkError.reason). */
export type LinkErrorKind =
  | 'bad-url'
  | 'private-address'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'not-found'
  | 'gone'
  | 'http-status'
  | 'unsupported-type'
  | 'not-an-article'
  | 'not-a-feed'
  | 'unreachable';

export class LinkError extends Error {
  constructor(
    readonly kind: LinkErrorKind,
    /** A sentence a user can act on, without the URL (the caller shows the URL beside it). */
    readonly reason: string,
    readonly url: string,
    /** The HTTP status, for not-found, gone and http-status. */
    readonly status?: number,
  ) {
    super(`${url}: ${reason}`);
    this.name = 'LinkError';
  }
}

export function isLinkError(e: unknown, ...kinds: LinkErrorKind[]): e is LinkError {
  return e instanceof LinkError && (kinds.length === 0 || kinds.includes(e.kind));
}
