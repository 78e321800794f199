/**
 * A fake Discord on 127.0.0.1: the REST API under /api/v10 and a JSON gateway, implementing what parley and
 * discord.js 14 use, and checking what the bot sends against Discord's limits. Every request, every gateway
 * frame and every breach is recorded for assertions (`requests`, `frames`, `violations`).
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type ApplicationFlags,
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  MessageFlags,
  type APIApplicationCommand,
  type APIApplicationCommandAutocompleteGuildInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOption,
  type APIApplicationCommandOptionChoice,
  type APIAttachment,
  type APIChatInputApplicationCommandGuildInteraction,
  type APIEmbed,
  type APIInteractionDataResolved,
  type APIMessage,
  type APITextChannel,
  type APIUser,
  type GatewayDispatchPayload,
  type GatewayReadyDispatchData,
  type RESTGetAPIGatewayBotResult,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { WebSocketServer, type WebSocket } from 'ws';
import { choiceProblems, commandProblems, messageProblems, type MessageBody, type Problem } from './limits.ts';
import {
  ADMIN_PERMISSIONS,
  MEMBER_PERMISSIONS,
  guildCreate,
  guildMember,
  interactionMember,
  message,
  snowflake,
  textChannel,
  type FakeGuild,
  user,
} from './payloads.ts';

export interface FakeDiscordOptions {
  /** The bot token the fake accepts (REST `Authorization: Bot …` and gateway IDENTIFY / RESUME). */
  token?: string;
  applicationId?: string;
  /** HELLO's heartbeat_interval. Short by default so tests see heartbeats. */
  heartbeatIntervalMs?: number;
  /** Discord wants the first interaction response within 3 s. */
  interactionDeadlineMs?: number;
  /** The intents IDENTIFY must ask for (parley: Guilds only). */
  intents?: number;
  /**
   * How many shards the bot should run (GET /gateway/bot). Above 1, every IDENTIFY must carry `shard: [i, N]`, a
   * shard gets only its own guilds, and a guild's interactions go to the session of the shard that owns it.
   */
  shards?: number;
}

export interface RecordedRequest {
  method: string;
  /** The path below /api/v10, e.g. /channels/123/messages. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
  at: number;
}

export interface Violation {
  kind:
    | 'limit'
    | 'allowed-mentions'
    | 'late-callback'
    | 'double-callback'
    | 'wrong-callback'
    | 'not-acknowledged'
    | 'unknown-interaction'
    | 'unauthorized'
    | 'unknown-route'
    | 'command-json'
    | 'gateway'
    | 'ephemeral-in-channel';
  detail: string;
  method?: string;
  path?: string;
  interactionId?: string;
  at: number;
}

export interface GatewayFrame {
  dir: 'in' | 'out';
  connection: number;
  op: number;
  t?: string | null;
  s?: number | null;
  d?: unknown;
  at: number;
}

export interface ChannelFailure {
  status: 403 | 404 | 429 | 500 | 502 | 503;
  /** For 429: seconds to wait (sent as `Retry-After` and `retry_after`). */
  retryAfter?: number;
  /** How many posts fail this way (default 1; Infinity = every one). */
  times?: number;
  /** Store the message, then answer with the failure anyway (the response got lost on the way back). */
  commit?: boolean;
}

export interface InteractionRecord {
  id: string;
  token: string;
  kind: 'command' | 'autocomplete';
  name: string;
  channelId: string;
  payload: APIChatInputApplicationCommandGuildInteraction | APIApplicationCommandAutocompleteGuildInteraction;
  sentAt: number;
  callback?: { type: InteractionResponseType; data: unknown; at: number };
  original?: APIMessage;
  edits: { body: MessageBody; at: number }[];
  followups: { body: MessageBody; message: APIMessage; at: number }[];
  deleted: boolean;
  listeners: (() => void)[];
}

export interface Reply {
  interactionId: string;
  /** How the answer arrived: straight in the callback, as an edit of a deferred reply, or as a follow-up. */
  via: 'callback' | 'edit' | 'followup';
  deferred: boolean;
  ephemeral: boolean;
  body: MessageBody;
  embeds: APIEmbed[];
  /** ms from INTERACTION_CREATE to the first callback, and to this answer. */
  ackMs: number;
  ms: number;
  record: InteractionRecord;
}

export interface Attachment {
  readonly kind: 'attachment';
  id: string;
  filename: string;
  bytes: Buffer;
  contentType: string;
}

export type OptionInput = string | number | boolean | Attachment;

export interface InvokeOptions {
  /** Give the member ManageGuild (parley's admin right). */
  admin?: boolean;
  /** Member permissions as a bitfield (overrides `admin`). */
  permissions?: bigint;
  channelId?: string;
  guildId?: string;
  userId?: string;
  /**
   * Discord hides a command whose default_member_permissions the member lacks; set this to model a server
   * that granted it anyway (Integrations settings), so the bot's own runtime check is what stops them.
   */
  permissionOverride?: boolean;
  timeoutMs?: number;
}

interface Session {
  id: string;
  shard: number;
  seq: number;
  events: { s: number; payload: GatewayDispatchPayload }[];
  conn?: Connection;
}

interface Connection {
  id: number;
  ws: WebSocket;
  session?: Session;
  query: URLSearchParams;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

function errorBody(status: number): { message: string; code: number } {
  switch (status) {
    case 403:
      return { message: 'Missing Access', code: 50001 };
    case 404:
      return { message: 'Unknown Channel', code: 10003 };
    default:
      return { message: `${status}: Internal Server Error`, code: 0 };
  }
}

export class FakeDiscord {
  readonly token: string;
  readonly applicationId: string;
  readonly bot: APIUser;
  readonly requests: RecordedRequest[] = [];
  readonly violations: Violation[] = [];
  readonly frames: GatewayFrame[] = [];
  /** Messages accepted in each channel (POST /channels/:id/messages). */
  readonly channelMessages = new Map<string, APIMessage[]>();
  readonly interactions = new Map<string, InteractionRecord>();
  /** Attachment files fetched from the fake's CDN stand-in. */
  readonly downloads: string[] = [];
  /** Registered commands per scope: 'global' or a guild id. */
  readonly commands = new Map<string, APIApplicationCommand[]>();
  readonly guilds = new Map<string, FakeGuild>();
  readonly guild: FakeGuild;
  readonly users = { member: user('333333333333333333', 'reader'), admin: user('444444444444444444', 'moderator') };

  private server!: http.Server;
  private wss!: WebSocketServer;
  private port = 0;
  private connections = new Set<Connection>();
  private sessions = new Map<string, Session>();
  private current?: Session;
  /** The latest session of each shard. */
  private shardSessions = new Map<number, Session>();
  private connectionCount = 0;
  private failures = new Map<string, ChannelFailure[]>();
  private attachments = new Map<string, Attachment>();
  private sessionWaiters: ((how: 'ready' | 'resumed') => void)[] = [];
  private heartbeatWaiters: (() => void)[] = [];
  private refuseResumes = 0;
  private readonly heartbeatIntervalMs: number;
  private readonly deadlineMs: number;
  private readonly intents: number;
  readonly shardCount: number;

  constructor(options: FakeDiscordOptions = {}) {
    this.token = options.token ?? 'fake-bot-token.for-tests-only';
    this.applicationId = options.applicationId ?? '100000000000000001';
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 1000;
    this.deadlineMs = options.interactionDeadlineMs ?? 3000;
    this.intents = options.intents ?? GatewayIntentBits.Guilds;
    this.shardCount = options.shards ?? 1;
    if (!Number.isInteger(this.shardCount) || this.shardCount < 1) throw new Error('shards: a whole number, 1 or more');
    this.bot = user(this.applicationId, 'parley', true);
    const guildId = '200000000000000001';
    this.guild = {
      id: guildId,
      name: 'Newsroom',
      ownerId: this.users.admin.id,
      systemChannelId: '300000000000000009',
      channels: [
        { channel: textChannel('300000000000000001', guildId, 'general', 0), hidden: false },
        { channel: textChannel('300000000000000009', guildId, 'mod-log', 9), hidden: false },
      ],
    };
    this.guilds.set(guildId, this.guild);
  }

  /** The REST base to give discord.js: `new Client({ rest: { api } })`. */
  get api(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  get generalChannelId(): string {
    return this.guild.channels[0].channel.id;
  }

  get systemChannelId(): string {
    return this.guild.systemChannelId!;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.onHttp(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== '/gateway') {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, url.searchParams));
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    for (const c of this.connections) c.ws.terminate();
    this.connections.clear();
    this.wss?.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------------------------------------------------------------- test controls

  /** A text channel in the test guild; `hidden` leaves it out of GUILD_CREATE so discord.js has to GET it. */
  addChannel(name: string, { hidden = false }: { hidden?: boolean } = {}): string {
    const id = snowflake();
    this.guild.channels.push({ channel: textChannel(id, this.guild.id, name, this.guild.channels.length), hidden });
    return id;
  }

  /**
   * Another server the bot is in, with one text channel; added before the bot connects, it arrives in GUILD_CREATE.
   * Returns its id and its channel's.
   */
  addGuild(name: string, { shard }: { shard?: number } = {}): { guildId: string; channelId: string } {
    let guildId = snowflake();
    while (shard !== undefined && this.shardOf(guildId) !== shard) guildId = snowflake();
    const channelId = snowflake();
    this.guilds.set(guildId, {
      id: guildId,
      name,
      ownerId: this.users.admin.id,
      systemChannelId: channelId,
      channels: [{ channel: textChannel(channelId, guildId, 'general', 0), hidden: false }],
    });
    return { guildId, channelId };
  }

  /** The shard that owns a guild, as Discord computes it: (guild_id >> 22) % shard count. */
  shardOf(guildId: string): number {
    return Number((BigInt(guildId) >> 22n) % BigInt(this.shardCount));
  }

  /** Deletes a channel: its GET and its posts answer 404 from now on. */
  deleteChannel(id: string): void {
    this.guild.channels = this.guild.channels.filter((c) => c.channel.id !== id);
  }

  /** The next posts to a channel fail this way, in order. */
  failChannel(channelId: string, ...failures: ChannelFailure[]): void {
    this.failures.set(channelId, [
      ...(this.failures.get(channelId) ?? []),
      ...failures.map((f) => ({ times: 1, ...f })),
    ]);
  }

  /** A file served by the fake, to pass as an attachment option. */
  attachment(filename: string, content: string | Buffer, contentType = 'text/plain; charset=utf-8'): Attachment {
    const a: Attachment = { kind: 'attachment', id: snowflake(), filename, bytes: Buffer.from(content), contentType };
    this.attachments.set(a.id, a);
    return a;
  }

  /** The next `n` RESUMEs get INVALID_SESSION (not resumable), so the client must IDENTIFY again. */
  refuseNextResume(n = 1): void {
    this.refuseResumes += n;
  }

  /** Closes the gateway connection: a close code (e.g. 4000), or 1006 for an abrupt drop with no close frame. */
  dropConnection(code = GatewayCloseCodes.UnknownError as number): void {
    const conn = this.current?.conn;
    if (!conn) throw new Error('no gateway connection to drop');
    if (code === 1006) conn.ws.terminate();
    else conn.ws.close(code, 'closed by the fake');
    this.detach(conn);
  }

  /** Resolves when the next session starts: READY after an IDENTIFY, or RESUMED after a RESUME. */
  nextSession(timeoutMs = 15_000): Promise<'ready' | 'resumed'> {
    return this.withTimeout(
      new Promise((resolve) => this.sessionWaiters.push(resolve)),
      timeoutMs,
      'no READY or RESUMED',
    );
  }

  /** Sends op 1 (the server asks for a heartbeat now); resolves when the client's heartbeat arrives. */
  requestHeartbeat(timeoutMs = 5000): Promise<void> {
    const conn = this.current?.conn;
    if (!conn) throw new Error('no gateway connection');
    const p = new Promise<void>((resolve) => this.heartbeatWaiters.push(resolve));
    this.sendFrame(conn, { op: GatewayOpcodes.Heartbeat, d: null });
    return this.withTimeout(p, timeoutMs, 'no heartbeat after op 1');
  }

  /** Frames the client sent with this opcode. */
  received(op: GatewayOpcodes): GatewayFrame[] {
    return this.frames.filter((f) => f.dir === 'in' && f.op === op);
  }

  messagesIn(channelId: string): APIMessage[] {
    return this.channelMessages.get(channelId) ?? [];
  }

  requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
    return this.requests.filter(
      (r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)),
    );
  }

  /**
   * Invokes a slash command as a guild member; resolves with the bot's eventual answer. `name` may be "digest list".
   */
  async sendCommand(
    name: string,
    options: Record<string, OptionInput> = {},
    invoke: InvokeOptions = {},
  ): Promise<Reply> {
    const record = this.interaction('command', name, options, invoke);
    return this.waitForReply(record, invoke.timeoutMs ?? 20_000);
  }

  /** Sends an autocomplete interaction with `focused` being typed; resolves with the choices the bot offered. */
  async autocomplete(
    name: string,
    options: Record<string, string | number | boolean>,
    focused: string,
    invoke: InvokeOptions = {},
  ): Promise<APIApplicationCommandOptionChoice[]> {
    const record = this.interaction('autocomplete', name, options, invoke, focused);
    await this.waitFor(record, () => record.callback !== undefined, invoke.timeoutMs ?? 10_000);
    const cb = record.callback!;
    if (cb.type !== InteractionResponseType.ApplicationCommandAutocompleteResult)
      throw new Error(`autocomplete answered with callback type ${cb.type}`);
    return (cb.data as { choices: APIApplicationCommandOptionChoice[] }).choices;
  }

  /** Dispatches any event to the current session (buffered for RESUME while disconnected). */
  dispatch(payload: Omit<GatewayDispatchPayload, 's' | 'op'>, session = this.current): void {
    if (!session) throw new Error('no gateway session: the bot has not identified');
    const s = ++session.seq;
    const full = { op: GatewayOpcodes.Dispatch, s, ...payload } as GatewayDispatchPayload;
    session.events.push({ s, payload: full });
    if (session.conn) this.sendFrame(session.conn, full);
  }

  // ---------------------------------------------------------------- interactions

  private resolveCommand(name: string, guildId: string): { command: APIApplicationCommand; path: string[] } {
    const [root, ...path] = name.split(' ');
    const command = [...(this.commands.get(guildId) ?? []), ...(this.commands.get('global') ?? [])].find(
      (c) => c.name === root && c.type === ApplicationCommandType.ChatInput,
    );
    if (!command) throw new Error(`/${root} is not registered with the fake (deploy the commands first)`);
    return { command, path };
  }

  private interaction(
    kind: 'command' | 'autocomplete',
    name: string,
    input: Record<string, OptionInput>,
    invoke: InvokeOptions,
    focused?: string,
  ): InteractionRecord {
    const guildId = invoke.guildId ?? this.guild.id;
    const { command, path } = this.resolveCommand(name, guildId);
    const permissions = invoke.permissions ?? (invoke.admin ? ADMIN_PERMISSIONS : MEMBER_PERMISSIONS);
    if (command.default_member_permissions && !invoke.permissionOverride) {
      const needed = BigInt(command.default_member_permissions);
      if ((permissions & needed) !== needed)
        throw new Error(`Discord would not show /${command.name} to this member (needs ${needed})`);
    }
    const resolved: APIInteractionDataResolved = {};
    let level: APIApplicationCommandOption[] = command.options ?? [];
    const subs: {
      type: ApplicationCommandOptionType.Subcommand | ApplicationCommandOptionType.SubcommandGroup;
      name: string;
    }[] = [];
    for (const part of path) {
      const sub = level.find(
        (o) =>
          o.name === part &&
          (o.type === ApplicationCommandOptionType.Subcommand ||
            o.type === ApplicationCommandOptionType.SubcommandGroup),
      );
      if (!sub) throw new Error(`/${command.name} has no subcommand ${part}`);
      subs.push({ type: sub.type as ApplicationCommandOptionType.Subcommand, name: sub.name });
      level = ('options' in sub ? (sub.options as APIApplicationCommandOption[] | undefined) : undefined) ?? [];
    }
    if (
      level.some(
        (o) =>
          o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup,
      )
    ) {
      throw new Error(`/${name} needs a subcommand`);
    }
    const leaf: APIApplicationCommandInteractionDataOption[] = [];
    for (const [key, value] of Object.entries(input)) {
      const def = level.find((o) => o.name === key);
      if (!def) throw new Error(`/${name} has no option ${key}`);
      leaf.push(this.optionValue(def, value, resolved, guildId, kind === 'autocomplete' && key === focused));
    }
    if (kind === 'command') {
      for (const def of level)
        if ('required' in def && def.required && !(def.name in input))
          throw new Error(`/${name}: option ${def.name} is required`);
    } else if (!focused || !(focused in input))
      throw new Error(`autocomplete: the focused option ${focused} needs a value`);

    let options: APIApplicationCommandInteractionDataOption[] = leaf;
    for (const sub of [...subs].reverse())
      options = [{ type: sub.type, name: sub.name, options } as APIApplicationCommandInteractionDataOption];

    const channelId = invoke.channelId ?? this.generalChannelId;
    const channel = this.findChannel(channelId) ?? textChannel(channelId, guildId, 'unknown');
    const who = invoke.userId
      ? user(invoke.userId, `user${invoke.userId.slice(-4)}`)
      : invoke.admin
        ? this.users.admin
        : this.users.member;
    const base = {
      id: snowflake(),
      application_id: this.applicationId,
      token: `itoken-${snowflake()}-${Math.random().toString(36).slice(2)}`,
      version: 1 as const,
      guild_id: guildId,
      guild: { id: guildId, locale: Locale.EnglishUS, features: [] },
      guild_locale: Locale.EnglishUS,
      locale: Locale.EnglishUS,
      channel: channel,
      channel_id: channelId,
      member: interactionMember(who, permissions),
      app_permissions: (ADMIN_PERMISSIONS | MEMBER_PERMISSIONS).toString(),
      entitlements: [],
      authorizing_integration_owners: { 0: guildId },
      context: InteractionContextType.Guild,
      attachment_size_limit: 10 * 1024 * 1024,
    };
    const data = {
      id: command.id,
      name: command.name,
      type: ApplicationCommandType.ChatInput as const,
      guild_id: command.guild_id,
      options,
      ...(Object.keys(resolved).length ? { resolved } : {}),
    };
    const payload =
      kind === 'command'
        ? ({
            ...base,
            type: InteractionType.ApplicationCommand,
            data,
          } as APIChatInputApplicationCommandGuildInteraction)
        : ({
            ...base,
            type: InteractionType.ApplicationCommandAutocomplete,
            data,
          } as unknown as APIApplicationCommandAutocompleteGuildInteraction);
    const record: InteractionRecord = {
      id: base.id,
      token: base.token,
      kind,
      name,
      channelId,
      payload,
      sentAt: Date.now(),
      edits: [],
      followups: [],
      deleted: false,
      listeners: [],
    };
    this.interactions.set(record.id, record);
    this.dispatch({ t: GatewayDispatchEvents.InteractionCreate, d: payload }, this.sessionOfGuild(guildId));
    return record;
  }

  private sessionOfGuild(guildId: string): Session | undefined {
    if (this.shardCount === 1) return this.current;
    const session = this.shardSessions.get(this.shardOf(guildId));
    if (!session) throw new Error(`no gateway session for shard ${this.shardOf(guildId)}, which owns guild ${guildId}`);
    return session;
  }

  private optionValue(
    def: APIApplicationCommandOption,
    value: OptionInput,
    resolved: APIInteractionDataResolved,
    guildId: string,
    focused: boolean,
  ): APIApplicationCommandInteractionDataOption {
    const name = def.name;
    if (focused) {
      if (!('autocomplete' in def && def.autocomplete)) throw new Error(`option ${name} has no autocomplete`);
      return {
        type: def.type,
        name,
        value: String(value),
        focused: true,
      } as APIApplicationCommandInteractionDataOption;
    }
    const wrong = (want: string) => new Error(`option ${name} takes ${want}, got ${typeof value}`);
    switch (def.type) {
      case ApplicationCommandOptionType.String:
        if (typeof value !== 'string') throw wrong('a string');
        if (def.max_length !== undefined && value.length > def.max_length)
          throw new Error(`option ${name}: Discord's client stops typing at ${def.max_length} chars`);
        return { type: def.type, name, value };
      case ApplicationCommandOptionType.Integer:
      case ApplicationCommandOptionType.Number:
        if (typeof value !== 'number') throw wrong('a number');
        return { type: def.type, name, value };
      case ApplicationCommandOptionType.Boolean:
        if (typeof value !== 'boolean') throw wrong('a boolean');
        return { type: def.type, name, value };
      case ApplicationCommandOptionType.Channel: {
        if (typeof value !== 'string') throw wrong('a channel id');
        const channel = this.findChannel(value) ?? textChannel(value, guildId, 'unknown');
        resolved.channels = {
          ...resolved.channels,
          [value]: { id: value, type: channel.type, name: channel.name, permissions: ADMIN_PERMISSIONS.toString() },
        } as APIInteractionDataResolved['channels'];
        return { type: def.type, name, value };
      }
      case ApplicationCommandOptionType.Attachment: {
        if (typeof value !== 'object' || value.kind !== 'attachment') throw wrong('fake.attachment(…)');
        const url = `http://127.0.0.1:${this.port}/attachments/${value.id}/${encodeURIComponent(value.filename)}`;
        const attachment: APIAttachment = {
          id: value.id,
          filename: value.filename,
          size: value.bytes.length,
          url,
          proxy_url: url,
          content_type: value.contentType,
        };
        resolved.attachments = { ...resolved.attachments, [value.id]: attachment };
        return { type: def.type, name, value: value.id };
      }
      default:
        throw new Error(`option ${name}: type ${def.type} is not simulated`);
    }
  }

  private waitFor(record: InteractionRecord, done: () => boolean, timeoutMs: number): Promise<void> {
    if (done()) return Promise.resolve();
    const p = new Promise<void>((resolve) => {
      const check = () => {
        if (!done()) return;
        record.listeners = record.listeners.filter((l) => l !== check);
        resolve();
      };
      record.listeners.push(check);
    });
    return this.withTimeout(
      p,
      timeoutMs,
      () =>
        `/${record.name} (${record.id}): no answer; callback ` +
        `${record.callback ? `type ${record.callback.type}` : 'none'}, ${record.edits.length} edits, ` +
        `${record.followups.length} follow-ups,`,
    );
  }

  private async waitForReply(record: InteractionRecord, timeoutMs: number): Promise<Reply> {
    const answered = () => {
      const cb = record.callback;
      if (!cb) return false;
      return (
        cb.type === InteractionResponseType.ChannelMessageWithSource ||
        record.edits.length > 0 ||
        record.followups.length > 0
      );
    };
    await this.waitFor(record, answered, timeoutMs);
    const cb = record.callback!;
    const deferred = cb.type === InteractionResponseType.DeferredChannelMessageWithSource;
    const base = { interactionId: record.id, deferred, ackMs: cb.at - record.sentAt, record };
    const ephemeralFlag = (flags: number | undefined) => ((flags ?? 0) & MessageFlags.Ephemeral) !== 0;
    let reply: Omit<Reply, keyof typeof base>;
    if (!deferred) {
      const body = cb.data as MessageBody;
      reply = {
        via: 'callback',
        body,
        embeds: body.embeds ?? [],
        ephemeral: ephemeralFlag(body.flags),
        ms: cb.at - record.sentAt,
      };
    } else if (record.edits.length && !record.deleted) {
      const edit = record.edits[0];
      reply = {
        via: 'edit',
        body: edit.body,
        embeds: edit.body.embeds ?? [],
        ephemeral: ephemeralFlag(record.original?.flags),
        ms: edit.at - record.sentAt,
      };
    } else {
      const f = record.followups[0];
      reply = {
        via: 'followup',
        body: f.body,
        embeds: f.body.embeds ?? [],
        ephemeral: ephemeralFlag(f.body.flags),
        ms: f.at - record.sentAt,
      };
    }
    return { ...base, ...reply };
  }

  private notify(record: InteractionRecord): void {
    for (const l of [...record.listeners]) l();
  }

  // ---------------------------------------------------------------- gateway

  private onConnection(ws: WebSocket, query: URLSearchParams): void {
    const conn: Connection = { id: ++this.connectionCount, ws, query };
    this.connections.add(conn);
    if (query.get('v') !== '10' || query.get('encoding') !== 'json') {
      this.violate('gateway', `connected with ?${query.toString()} (want v=10&encoding=json)`);
    }
    if (query.get('compress'))
      this.violate('gateway', `asked for ${query.get('compress')} compression, which the fake does not speak`);
    ws.on('message', (raw) => this.onFrame(conn, String(raw)));
    ws.on('close', () => {
      this.connections.delete(conn);
      this.detach(conn);
    });
    ws.on('error', () => undefined);
    this.sendFrame(conn, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.heartbeatIntervalMs } });
  }

  private detach(conn: Connection): void {
    if (conn.session?.conn === conn) conn.session.conn = undefined;
  }

  private sendFrame(conn: Connection, frame: { op: number; d: unknown; t?: string | null; s?: number | null }): void {
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    this.frames.push({
      dir: 'out',
      connection: conn.id,
      op: frame.op,
      t: frame.t,
      s: frame.s,
      d: frame.d,
      at: Date.now(),
    });
    conn.ws.send(JSON.stringify(frame));
  }

  private onFrame(conn: Connection, raw: string): void {
    let frame: { op: number; d: unknown };
    try {
      frame = JSON.parse(raw);
    } catch {
      this.violate('gateway', 'a frame that is not JSON');
      conn.ws.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    this.frames.push({ dir: 'in', connection: conn.id, op: frame.op, d: frame.d, at: Date.now() });
    switch (frame.op) {
      case GatewayOpcodes.Heartbeat:
        this.sendFrame(conn, { op: GatewayOpcodes.HeartbeatAck, d: null });
        for (const w of this.heartbeatWaiters.splice(0)) w();
        return;
      case GatewayOpcodes.Identify:
        return this.identify(conn, frame.d as { token: string; intents: number; shard?: [number, number] });
      case GatewayOpcodes.Resume:
        return this.resume(conn, frame.d as { token: string; session_id: string; seq: number });
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        return;
      default:
        if (!conn.session) {
          this.violate('gateway', `op ${frame.op} before IDENTIFY`);
          conn.ws.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
        } else {
          this.violate('gateway', `unknown op ${frame.op}`);
          conn.ws.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
        }
    }
  }

  private identify(conn: Connection, d: { token: string; intents: number; shard?: [number, number] }): void {
    if (conn.session) {
      this.violate('gateway', 'a second IDENTIFY on one connection');
      conn.ws.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (d?.token !== this.token) {
      this.violate('gateway', 'IDENTIFY with the wrong token');
      conn.ws.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    if (d.intents !== this.intents)
      this.violate('gateway', `IDENTIFY asked for intents ${d.intents}, expected ${this.intents}`);
    const shard = this.identifiedShard(d.shard);
    if (shard === undefined) {
      conn.ws.close(GatewayCloseCodes.InvalidShard, 'Invalid shard.');
      return;
    }
    const session: Session = { id: `session-${snowflake()}`, shard, seq: 0, events: [], conn };
    this.sessions.set(session.id, session);
    this.current = session;
    this.shardSessions.set(shard, session);
    conn.session = session;
    const guilds = [...this.guilds.values()].filter((g) => this.shardOf(g.id) === shard);
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: this.bot,
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.gatewayUrl,
      shard: d.shard ?? [0, 1],
      application: { id: this.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    this.dispatch({ t: GatewayDispatchEvents.Ready, d: ready }, session);
    for (const w of this.sessionWaiters.splice(0)) w('ready');
    for (const g of guilds) {
      this.dispatch({ t: GatewayDispatchEvents.GuildCreate, d: guildCreate(g, guildMember(this.bot)) }, session);
    }
  }

  /** The shard an IDENTIFY claims; undefined (after a violation) when it is not one of this fake's. */
  private identifiedShard(claim: [number, number] | undefined): number | undefined {
    if (this.shardCount === 1) return 0;
    const [id, count] = Array.isArray(claim) ? claim : [undefined, undefined];
    if (id === undefined || count !== this.shardCount || !Number.isInteger(id) || id < 0 || id >= count) {
      const want = `[0..${this.shardCount - 1}, ${this.shardCount}]`;
      this.violate('gateway', `IDENTIFY with shard ${JSON.stringify(claim)}, want ${want}`);
      return undefined;
    }
    const live = [...this.sessions.values()].find(
      (s) => s.shard === id && s.conn !== undefined && s.conn.ws.readyState === s.conn.ws.OPEN,
    );
    if (live) this.violate('gateway', `IDENTIFY for shard [${id}, ${count}], which session ${live.id} still holds`);
    return id;
  }

  private resume(conn: Connection, d: { token: string; session_id: string; seq: number }): void {
    if (d?.token !== this.token) {
      this.violate('gateway', 'RESUME with the wrong token');
      conn.ws.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    const session = this.sessions.get(d.session_id);
    if (!session || this.refuseResumes > 0) {
      if (this.refuseResumes > 0) this.refuseResumes--;
      if (session) this.sessions.delete(session.id);
      this.sendFrame(conn, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    if (d.seq > session.seq) {
      this.violate('gateway', `RESUME at seq ${d.seq}, past the last one sent (${session.seq})`);
      conn.ws.close(GatewayCloseCodes.InvalidSeq, 'Invalid seq.');
      return;
    }
    if (session.conn && session.conn !== conn) session.conn.ws.terminate();
    session.conn = conn;
    conn.session = session;
    this.current = session;
    this.shardSessions.set(session.shard, session);
    for (const e of session.events) if (e.s > d.seq) this.sendFrame(conn, e.payload);
    this.dispatch({ t: GatewayDispatchEvents.Resumed, d: {} } as never, session);
    for (const w of this.sessionWaiters.splice(0)) w('resumed');
  }

  // ---------------------------------------------------------------- REST

  private async onHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const method = req.method ?? 'GET';

    if (method === 'GET' && url.pathname.startsWith('/attachments/')) {
      const a = this.attachments.get(url.pathname.split('/')[2] ?? '');
      if (!a) return void res.writeHead(404).end();
      this.downloads.push(a.filename);
      res.writeHead(200, { 'content-type': a.contentType, 'content-length': String(a.bytes.length) });
      return void res.end(a.bytes);
    }

    // discord.js percent-encodes route segments (`%40original`); Discord reads them decoded.
    const pathname = decodeURIComponent(url.pathname);
    const path = pathname.startsWith('/api/v10/') ? pathname.slice('/api/v10'.length) : null;
    const query = Object.fromEntries(url.searchParams);
    let body: unknown = undefined;
    const type = req.headers['content-type'] ?? '';
    if (text && type.startsWith('application/json')) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    } else if (text) body = text;
    const record: RecordedRequest = { method, path: path ?? url.pathname, query, body, status: 0, at: Date.now() };
    this.requests.push(record);
    const send = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      if (json === undefined) res.writeHead(status, headers).end();
      else res.writeHead(status, { ...JSON_HEADERS, ...headers }).end(JSON.stringify(json));
    };
    if (path === null) {
      this.violate('unknown-route', `${method} ${url.pathname} is not under /api/v10`, { method, path: url.pathname });
      return send(404, { message: '404: Not Found', code: 0 });
    }
    if (type.startsWith('multipart/')) {
      this.violate('unknown-route', `${method} ${path}: multipart uploads are not simulated`, { method, path });
      return send(400, { message: 'multipart is not simulated', code: 0 });
    }
    try {
      await this.route(method, path, query, body, req.headers.authorization, send);
    } catch (e) {
      this.violate('unknown-route', `${method} ${path}: the fake failed: ${(e as Error).message}`, { method, path });
      send(500, { message: 'fake failure', code: 0 });
    }
  }

  private async route(
    method: string,
    path: string,
    query: Record<string, string>,
    body: unknown,
    authorization: string | undefined,
    send: (status: number, json?: unknown, headers?: Record<string, string>) => void,
  ): Promise<void> {
    const at = { method, path };
    let m: RegExpExecArray | null;

    // Interaction callbacks and the interaction webhook are authorised by their token, not the bot's.
    if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path)) && method === 'POST')
      return this.callback(m[1], m[2], query, body, send);
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/(@original|\d+))?$/.exec(path)))
      return this.webhook(method, m[1], m[2], m[4], query, body, send);

    if (authorization !== `Bot ${this.token}`) {
      this.violate('unauthorized', `${method} ${path} without the bot token`, at);
      return send(401, { message: '401: Unauthorized', code: 0 });
    }
    if (method === 'GET' && path === '/gateway/bot') {
      const result: RESTGetAPIGatewayBotResult = {
        url: this.gatewayUrl,
        shards: this.shardCount,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
      };
      return send(200, result);
    }
    if (method === 'GET' && path === '/gateway') return send(200, { url: this.gatewayUrl });
    if (method === 'GET' && path === '/users/@me') return send(200, this.bot);
    if ((m = /^\/guilds\/(\d+)$/.exec(path)) && method === 'GET') {
      const g = this.guilds.get(m[1]);
      if (!g) return send(404, { message: 'Unknown Guild', code: 10004 });
      const {
        channels: _c,
        members: _m,
        voice_states: _v,
        presences: _p,
        threads: _t,
        stage_instances: _s,
        guild_scheduled_events: _e,
        soundboard_sounds: _x,
        ...guild
      } = guildCreate(g, guildMember(this.bot));
      return send(200, guild);
    }
    if ((m = /^\/channels\/(\d+)$/.exec(path)) && method === 'GET') {
      const channel = this.findChannel(m[1]);
      return channel ? send(200, channel) : send(404, { message: 'Unknown Channel', code: 10003 });
    }
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === 'POST')
      return this.channelPost(m[1], body as MessageBody, send, at);
    if (
      (m = /^\/applications\/(\d+)\/commands$/.exec(path)) ||
      (m = /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/.exec(path))
    ) {
      if (m[1] !== this.applicationId) return send(403, { message: 'Missing Access', code: 50001 });
      const scope = m[2] ?? 'global';
      if (method === 'GET') return send(200, this.commands.get(scope) ?? []);
      if (method === 'PUT') return this.putCommands(scope, body, send, at);
    }
    this.violate('unknown-route', `${method} ${path} is not simulated`, at);
    send(404, { message: '404: Not Found', code: 0 });
  }

  private findChannel(id: string): APITextChannel | undefined {
    for (const g of this.guilds.values()) {
      const c = g.channels.find((c) => c.channel.id === id);
      if (c) return c.channel;
    }
    return undefined;
  }

  /** Records the problems; answers 400 (as Discord would) when one of them is a breach of Discord's limits. */
  private checkMessage(
    problems: Problem[],
    send: (status: number, json?: unknown) => void,
    at: { method: string; path: string; interactionId?: string },
  ): boolean {
    for (const p of problems) this.violate(p.severity === 'policy' ? 'allowed-mentions' : 'limit', p.detail, at);
    const rejected = problems.filter((p) => p.severity === 'rejected');
    if (!rejected.length) return true;
    send(400, {
      message: 'Invalid Form Body',
      code: 50035,
      errors: { _errors: rejected.map((p) => ({ code: 'BASE_TYPE_INVALID', message: p.detail })) },
    });
    return false;
  }

  private channelPost(
    channelId: string,
    body: MessageBody,
    send: (status: number, json?: unknown, headers?: Record<string, string>) => void,
    at: { method: string; path: string },
  ): void {
    const channel = this.findChannel(channelId);
    const queue = this.failures.get(channelId) ?? [];
    const failure = queue[0];
    if (failure) {
      failure.times = (failure.times ?? 1) - 1;
      if (failure.times <= 0) queue.shift();
    }
    if (failure && !failure.commit) return this.fail(failure, send);
    if (!channel) return send(404, { message: 'Unknown Channel', code: 10003 });
    if (!this.checkMessage(messageProblems(body, 'create'), send, at)) return;
    if (body.flags && body.flags & MessageFlags.Ephemeral)
      this.violate('ephemeral-in-channel', 'a channel message with the ephemeral flag', at);
    if (
      body.nonce !== undefined &&
      (typeof body.nonce === 'string' ? body.nonce.length > 25 : !Number.isInteger(body.nonce))
    ) {
      this.checkMessage(
        [{ severity: 'rejected', detail: `nonce ${JSON.stringify(body.nonce)} is longer than 25 characters` }],
        send,
        at,
      );
      return;
    }
    const list = this.channelMessages.get(channelId) ?? [];
    this.channelMessages.set(channelId, list);
    // enforce_nonce: Discord answers a repeated nonce (within a few minutes) with the message it already made.
    const same =
      body.enforce_nonce && body.nonce !== undefined ? list.find((msg) => msg.nonce === body.nonce) : undefined;
    const created =
      same ??
      message({
        channelId,
        author: this.bot,
        content: body.content,
        embeds: body.embeds,
        flags: body.flags,
        nonce: body.nonce,
      });
    if (!same) list.push(created);
    if (failure) return this.fail(failure, send);
    send(200, created);
  }

  private fail(
    failure: ChannelFailure,
    send: (status: number, json?: unknown, headers?: Record<string, string>) => void,
  ): void {
    if (failure.status === 429) {
      const after = failure.retryAfter ?? 0.25;
      return send(
        429,
        { message: 'You are being rate limited.', retry_after: after, global: false },
        {
          'retry-after': String(after),
          'x-ratelimit-scope': 'user',
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset-after': String(after),
          'x-ratelimit-bucket': 'fake-messages-bucket',
        },
      );
    }
    send(failure.status, errorBody(failure.status));
  }

  private putCommands(
    scope: string,
    body: unknown,
    send: (status: number, json?: unknown) => void,
    at: { method: string; path: string },
  ): void {
    const problems = commandProblems(body);
    for (const p of problems) this.violate('command-json', p.detail, at);
    if (problems.length)
      return send(400, {
        message: 'Invalid Form Body',
        code: 50035,
        errors: { _errors: problems.map((p) => ({ code: 'BASE_TYPE_INVALID', message: p.detail })) },
      });
    const previous = this.commands.get(scope) ?? [];
    const registered = (body as RESTPostAPIApplicationCommandsJSONBody[]).map((c) => ({
      ...c,
      id: previous.find((p) => p.name === c.name)?.id ?? snowflake(),
      application_id: this.applicationId,
      version: snowflake(),
      type: c.type ?? ApplicationCommandType.ChatInput,
      default_member_permissions: c.default_member_permissions ?? null,
      ...(scope === 'global' ? {} : { guild_id: scope }),
    })) as APIApplicationCommand[];
    this.commands.set(scope, registered);
    send(200, registered);
  }

  private callback(
    id: string,
    token: string,
    query: Record<string, string>,
    body: unknown,
    send: (status: number, json?: unknown) => void,
  ): void {
    const at = { method: 'POST', path: `/interactions/${id}/…/callback`, interactionId: id };
    const record = this.interactions.get(id);
    if (!record || record.token !== token) {
      this.violate('unknown-interaction', `callback for an interaction the fake never sent (${id})`, at);
      return send(404, { message: 'Unknown interaction', code: 10062 });
    }
    const now = Date.now();
    if (record.callback) {
      this.violate(
        'double-callback',
        `/${record.name}: a second callback (type ${(body as { type?: number })?.type})`,
        at,
      );
      return send(400, { message: 'Interaction has already been acknowledged.', code: 40060 });
    }
    if (now - record.sentAt > this.deadlineMs) {
      this.violate(
        'late-callback',
        `/${record.name}: first response after ${now - record.sentAt} ms (limit ${this.deadlineMs} ms)`,
        at,
      );
      return send(404, { message: 'Unknown interaction', code: 10062 });
    }
    const { type, data } = (body ?? {}) as { type: InteractionResponseType; data?: unknown };
    const allowed =
      record.kind === 'autocomplete'
        ? [InteractionResponseType.ApplicationCommandAutocompleteResult]
        : [
            InteractionResponseType.ChannelMessageWithSource,
            InteractionResponseType.DeferredChannelMessageWithSource,
            InteractionResponseType.Modal,
          ];
    if (!allowed.includes(type)) {
      this.violate('wrong-callback', `/${record.name} (${record.kind}) answered with callback type ${type}`, at);
      return send(400, { message: 'Interaction response type not valid here', code: 50035 });
    }
    if (
      type === InteractionResponseType.ChannelMessageWithSource &&
      !this.checkMessage(messageProblems((data ?? {}) as MessageBody, 'create'), send, at)
    )
      return;
    if (type === InteractionResponseType.ApplicationCommandAutocompleteResult) {
      const problems = choiceProblems((data as { choices?: unknown })?.choices);
      if (!this.checkMessage(problems, send, at)) return;
    }
    record.callback = { type, data, at: now };
    const flags = ((data as { flags?: number } | undefined)?.flags ?? 0) & MessageFlags.Ephemeral;
    if (type === InteractionResponseType.ChannelMessageWithSource) {
      const d = data as MessageBody;
      record.original = message({
        channelId: record.channelId,
        author: this.bot,
        content: d.content,
        embeds: d.embeds,
        flags,
        webhookId: this.applicationId,
        applicationId: this.applicationId,
      });
    } else if (type === InteractionResponseType.DeferredChannelMessageWithSource) {
      record.original = message({
        channelId: record.channelId,
        author: this.bot,
        flags: flags | MessageFlags.Loading,
        webhookId: this.applicationId,
        applicationId: this.applicationId,
      });
    }
    this.notify(record);
    if (query.with_response === 'true') {
      return send(200, {
        interaction: {
          id,
          type: record.payload.type,
          response_message_id: record.original?.id,
          response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource,
          response_message_ephemeral: flags !== 0,
        },
        ...(record.original ? { resource: { type, message: record.original } } : {}),
      });
    }
    send(204);
  }

  private webhook(
    method: string,
    appId: string,
    token: string,
    messageId: string | undefined,
    _query: Record<string, string>,
    body: unknown,
    send: (status: number, json?: unknown) => void,
  ): void {
    const record = [...this.interactions.values()].find((r) => r.token === token);
    const at = {
      method,
      path: `/webhooks/${appId}/…${messageId ? `/messages/${messageId}` : ''}`,
      interactionId: record?.id,
    };
    if (appId !== this.applicationId || !record) {
      this.violate('unknown-interaction', `${method} on a webhook the fake does not know`, at);
      return send(404, { message: 'Unknown Webhook', code: 10015 });
    }
    if (!record.callback || record.kind !== 'command') {
      this.violate('not-acknowledged', `/${record.name}: ${method} on the interaction webhook before any callback`, at);
      return send(404, { message: 'Unknown Webhook', code: 10015 });
    }
    const now = Date.now();
    if (!messageId && method === 'POST') {
      const b = (body ?? {}) as MessageBody;
      if (!this.checkMessage(messageProblems(b, 'create'), send, at)) return;
      const msg = message({
        channelId: record.channelId,
        author: this.bot,
        content: b.content,
        embeds: b.embeds,
        flags: (b.flags ?? 0) & MessageFlags.Ephemeral,
        webhookId: this.applicationId,
        applicationId: this.applicationId,
      });
      record.followups.push({ body: b, message: msg, at: now });
      this.notify(record);
      return send(200, msg);
    }
    const target =
      messageId === '@original' ? record.original : record.followups.find((f) => f.message.id === messageId)?.message;
    if (!target || (messageId === '@original' && record.deleted))
      return send(404, { message: 'Unknown Message', code: 10008 });
    if (method === 'GET') return send(200, target);
    if (method === 'DELETE') {
      if (messageId === '@original') record.deleted = true;
      this.notify(record);
      return send(204);
    }
    if (method === 'PATCH') {
      const b = (body ?? {}) as MessageBody;
      if (!this.checkMessage(messageProblems(b, 'edit'), send, at)) return;
      if (b.content !== undefined) target.content = b.content ?? '';
      if (b.embeds !== undefined) target.embeds = b.embeds ?? [];
      target.flags = (target.flags ?? 0) & ~MessageFlags.Loading;
      target.edited_timestamp = new Date(now).toISOString();
      if (messageId === '@original') record.edits.push({ body: b, at: now });
      this.notify(record);
      return send(200, target);
    }
    this.violate('unknown-route', `${method} on the interaction webhook is not simulated`, at);
    send(404, { message: '404: Not Found', code: 0 });
  }

  // ---------------------------------------------------------------- helpers

  private violate(
    kind: Violation['kind'],
    detail: string,
    at: { method?: string; path?: string; interactionId?: string } = {},
  ): void {
    this.violations.push({ kind, detail, ...at, at: Date.now() });
  }

  private withTimeout<T>(p: Promise<T>, ms: number, what: string | (() => string)): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`fake Discord: ${typeof what === 'function' ? what() : what} within ${ms} ms`)),
        ms,
      );
    });
    return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
  }
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return new FakeDiscord(options).start();
}
