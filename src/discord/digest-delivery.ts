import { DiscordAPIError, HTTPError, type Client } from 'discord.js';
import type { Answer } from '../briefing/answer.ts';
import { DeliveryError, type Deliver } from '../digest/scheduler.ts';
import { toDiscordMessage } from '../present/discord/embed.ts';
import type { Subscription } from '../store/store.ts';

function asDeliveryError(e: unknown): DeliveryError {
  if (e instanceof DeliveryError) return e;
  if (e instanceof DiscordAPIError || e instanceof HTTPError) return new DeliveryError(e.message, e.status);
  return new DeliveryError((e as Error).message, 0);
}

/** Posts a digest to its channel; the nonce lets Discord drop a second post of the same slot. */
export function discordDelivery(getClient: () => Client | undefined): Deliver {
  return async (sub, answer, nonce) => {
    const client = getClient();
    if (!client) throw new DeliveryError('not connected to Discord', 0);
    try {
      const channel = await client.channels.fetch(sub.channelId);
      if (!channel?.isSendable()) throw new DeliveryError('the channel cannot receive messages', 404);
      const { flags: _none, ...message } = toDiscordMessage({ ...answer, ephemeral: false });
      const sent = await channel.send({ ...message, nonce, enforceNonce: true });
      return { messageId: sent.id };
    } catch (e) {
      throw asDeliveryError(e);
    }
  };
}

/**
 * Tells a server's admins something, in its system channel when there is one (never in `except`, the channel the
 * trouble is about). Digests and feeds that were switched off both say so this way.
 */
export function notifyAdmins(getClient: () => Client | undefined) {
  return async (guildId: string | null, answer: Answer, except?: string): Promise<void> => {
    const client = getClient();
    if (!client || !guildId) return;
    const guild = await client.guilds.fetch(guildId).catch(() => null);
    const channel = guild?.systemChannel;
    if (!channel || channel.id === except) return;
    const { flags: _none, ...message } = toDiscordMessage({ ...answer, ephemeral: false });
    await channel.send(message).catch(() => undefined);
  };
}

/** Tells a server's admins that a digest was switched off. */
export function notifyDisabled(getClient: () => Client | undefined) {
  const notify = notifyAdmins(getClient);
  return async (sub: Subscription, reason: string): Promise<void> => {
    const answer: Answer = {
      title: 'Digest disabled',
      description:
        `The digest for <#${sub.channelId}> was switched off: ${reason}. Fix the channel permissions, ` +
        `then run /digest subscribe again.`,
      sections: [],
      citations: [],
      kind: 'error',
    };
    await notify(sub.guildId, answer, sub.channelId);
  };
}
