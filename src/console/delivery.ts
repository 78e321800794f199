import type { Answer } from '../briefing/answer.ts';
import { CONSOLE_CHANNEL } from './channel.ts';
import { toText } from '../present/text.ts';
import type { Subscription } from '../store/store.ts';

export const isConsoleSubscription = (sub: Subscription) => sub.channelId === CONSOLE_CHANNEL;

/** Delivers a console subscription's digest to stdout. */
export function consoleDelivery(out: NodeJS.WritableStream = process.stdout) {
  return async (_sub: Subscription, answer: Answer) => {
    out.write(`\n${toText(answer)}\n`);
    return {};
  };
}

/** Tells the console's operator (the admin of its feeds) something, e.g. that a feed was disabled. */
export function consoleNotify(out: NodeJS.WritableStream = process.stdout) {
  return async (_guildId: string | null, answer: Answer) => {
    out.write(`\n${toText(answer)}\n`);
  };
}
