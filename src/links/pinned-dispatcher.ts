import { createRequire } from 'node:module';
import type { LookupAddress } from 'node:dns';
import type { Dispatcher } from 'undici';

/**
 * DNS rebinding: a host can answer our lookup with a public address and the connection's own lookup, a moment
 * later, with a private one. To close that gap each request connects to the addresses we resolved and checked,
 * through an undici Agent whose `connect.lookup` answers from `pins` instead of asking DNS again.
 *
 * Node's fetch is undici, but Agent is not exposed by node itself: it comes from the `undici` package, which is
 * here only as a dependency of discord.js. It is used when it is installed and has the same major version as the
 * undici inside node (dispatchers of another major may not speak the same handler protocol); otherwise fetch
 * does its own lookup and the rebinding gap stays open (the address check before each request still holds).
 */
export type Pins = Map<string, LookupAddress[]>;

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

export interface ClosableDispatcher extends Dispatcher {
  destroy(): Promise<void>;
}

const require = createRequire(import.meta.url);

function sameMajorAsNode(version: string): boolean {
  return version.split('.')[0] === (process.versions.undici ?? '').split('.')[0];
}

function loadAgent(): (typeof import('undici'))['Agent'] | null {
  try {
    const { version } = require('undici/package.json') as { version: string };
    return sameMajorAsNode(version) ? (require('undici') as typeof import('undici')).Agent : null;
  } catch {
    return null;
  }
}

const Agent = loadAgent();

/** True when requests connect only to the addresses that were checked (see above). */
export const pinningAvailable = Agent !== null;

function pinnedLookup(pins: Pins) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback) => {
    const family = Number(options.family) || 0;
    const addresses = (pins.get(hostname) ?? []).filter((a) => family === 0 || a.family === family);
    if (addresses.length === 0) {
      const err: NodeJS.ErrnoException = new Error(`${hostname} was not resolved before connecting`);
      err.code = 'ENOTFOUND';
      callback(err, '');
    } else if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  };
}

/** A dispatcher that connects each host name only to its pinned addresses, or undefined without undici. */
export function pinnedDispatcher(pins: Pins): ClosableDispatcher | undefined {
  return Agent ? new Agent({ connect: { lookup: pinnedLookup(pins) } }) : undefined;
}
