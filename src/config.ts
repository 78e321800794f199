import fs from 'node:fs';
import { z } from 'zod';
import { isTimeZone } from './time-zone.ts';

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const snowflake = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .pipe(
    z
      .string()
      .regex(/^\d{17,20}$/, 'a Discord snowflake: 17 to 20 digits')
      .optional(),
  )
  .optional();

const shardCount = z
  .string()
  .trim()
  .toLowerCase()
  .transform((s) => (s === '' ? undefined : s))
  .pipe(
    z
      .union(
        [
          z.literal('auto'),
          z
            .string()
            .regex(/^0*[1-9]\d*$/)
            .transform(Number),
        ],
        {
          error: 'auto or a whole number of shards (1 or more)',
        },
      )
      .optional(),
  )
  .optional();

const httpUrl = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s.replace(/\/+$/, '')))
  .pipe(z.url({ protocol: /^https?$/, error: 'an http(s) URL such as https://discord.com/api' }).optional())
  .optional();

const configSchema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_CLIENT_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  PARLEY_DB: z.string().trim().min(1, 'a file path for the SQLite database').default('data/parley.db'),
  /** PostgreSQL instead of the SQLite file: postgres://user@host:5432/database. */
  PARLEY_DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/i, 'a postgres:// URL, e.g. postgres://parley@127.0.0.1:5432/parley')
      .optional(),
  ),
  PARLEY_DOCUMENTS: z.string().trim().min(1, 'a folder of .txt / .md documents').default('data/documents'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PARLEY_TIMEZONE: z
    .string()
    .trim()
    .default('UTC')
    .refine(isTimeZone, 'an IANA time zone name such as UTC or Europe/Paris'),
  PARLEY_ALLOW_PRIVATE_URLS: z
    .string()
    .trim()
    .toLowerCase()
    .default('false')
    .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no', ''], 'true or false'))
    .transform((s) => s === 'true' || s === '1' || s === 'yes'),
  /** Minutes between polls of each feed. */
  PARLEY_FEED_INTERVAL: z
    .string()
    .trim()
    .default('15')
    .transform(Number)
    .pipe(
      z
        .number({ error: 'a number of minutes, e.g. 15' })
        .int('a whole number of minutes')
        .min(1, 'at least 1 minute')
        .max(10080, 'at most a week'),
    ),
  /** Unset: one process, no sharding; 'auto': the count Discord recommends; N: shards 0..N-1. */
  PARLEY_SHARDS: shardCount,
  /** Discord's REST base (a proxy, or a local fake Discord), without the version: https://discord.com/api. */
  PARLEY_DISCORD_API: httpUrl,
});

export type Config = z.infer<typeof configSchema>;

/** Link and feed settings, as openApp takes them. */
export function webOptions(cfg: Pick<Config, 'PARLEY_ALLOW_PRIVATE_URLS' | 'PARLEY_FEED_INTERVAL'>) {
  return { allowPrivate: cfg.PARLEY_ALLOW_PRIVATE_URLS, feedIntervalMs: cfg.PARLEY_FEED_INTERVAL * 60_000 };
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`bad configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses KEY=VALUE lines; quotes around a value are removed, `#` starts a comment line. */
function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2].trim();
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    out[m[1]] = value;
  }
  return out;
}

/** The environment wins over `.env`, so a deployment can override a checked-out file. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = '.env'): Config {
  const fromFile = fs.existsSync(envFile) ? parseDotEnv(fs.readFileSync(envFile, 'utf8')) : {};
  const merged = { ...fromFile, ...env };
  const result = configSchema.safeParse(merged);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(environment)';
      const shown = name === 'DISCORD_TOKEN' ? '' : ` (got ${JSON.stringify(merged[name] ?? '')})`;
      return `${name}: ${issue.message}${shown}`;
    }),
  );
}
