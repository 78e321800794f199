/**
 * The objects the fake Discord sends: users, guilds, channels, messages, interactions, typed with
 * discord-api-types so a field discord.js reads cannot silently go missing.
 */
import {
  ChannelType,
  type ChannelFlags,
  type GuildMemberFlags,
  type RoleFlags,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  MessageType,
  PermissionFlagsBits,
  type APIEmbed,
  type APIGuildMember,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIRole,
  type APITextChannel,
  type APIUser,
  type GatewayGuildCreateDispatchData,
} from 'discord-api-types/v10';

const DISCORD_EPOCH = 1420070400000n;
let counter = 0n;

/** A fresh snowflake: the current time in the high bits, a counter below, so ids sort by creation. */
export function snowflake(): string {
  counter = (counter + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | counter).toString();
}

export function user(id: string, username: string, bot = false): APIUser {
  return {
    id,
    username,
    discriminator: '0',
    global_name: bot ? null : username,
    avatar: null,
    ...(bot ? { bot: true } : {}),
  };
}

/** What a member of the server without special rights may do. */
export const MEMBER_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands;
/** A moderator: may manage the guild (what parley's admin commands ask for). */
export const ADMIN_PERMISSIONS = MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild;

export function guildMember(u: APIUser): APIGuildMember {
  return {
    user: u,
    nick: null,
    avatar: null,
    banner: null,
    roles: [],
    joined_at: '2024-01-01T00:00:00.000Z',
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

/** The member as an interaction carries it: with its computed permissions in the channel. */
export function interactionMember(u: APIUser, permissions: bigint): APIInteractionGuildMember {
  return { ...guildMember(u), permissions: permissions.toString() };
}

export function textChannel(id: string, guildId: string, name: string, position = 0): APITextChannel {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name,
    position,
    permission_overwrites: [],
    nsfw: false,
    parent_id: null,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0 as ChannelFlags,
  };
}

export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  systemChannelId: string | null;
  /** Every channel of the guild; `hidden` ones are left out of GUILD_CREATE (discord.js must GET them). */
  channels: { channel: APITextChannel; hidden: boolean }[];
}

function everyoneRole(guildId: string): APIRole {
  return {
    id: guildId,
    name: '@everyone',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: MEMBER_PERMISSIONS.toString(),
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

export function guildCreate(g: FakeGuild, botMember: APIGuildMember): GatewayGuildCreateDispatchData {
  return {
    id: g.id,
    name: g.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: g.ownerId,
    region: 'europe',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [everyoneRole(g.id)],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: g.systemChannelId,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_progress_bar_enabled: false,
    preferred_locale: 'en-US' as GatewayGuildCreateDispatchData['preferred_locale'],
    nsfw_level: GuildNSFWLevel.Default,
    hub_type: null,
    incidents_data: null,
    joined_at: '2024-01-01T00:00:00.000Z',
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [botMember],
    channels: g.channels.filter((c) => !c.hidden).map((c) => c.channel),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function message(fields: {
  channelId: string;
  author: APIUser;
  content?: string;
  embeds?: APIEmbed[];
  flags?: number;
  nonce?: string | number;
  webhookId?: string;
  applicationId?: string;
}): APIMessage {
  return {
    id: snowflake(),
    channel_id: fields.channelId,
    author: fields.author,
    content: fields.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: fields.embeds ?? [],
    pinned: false,
    type: MessageType.Default,
    flags: fields.flags ?? 0,
    components: [],
    ...(fields.nonce !== undefined ? { nonce: fields.nonce } : {}),
    ...(fields.webhookId ? { webhook_id: fields.webhookId } : {}),
    ...(fields.applicationId ? { application_id: fields.applicationId } : {}),
  };
}
