import type { Migration } from './migrate.ts';

/** PostgreSQL's schema, in order. Each step is applied once (see migrate.ts). */
export const migrations: Migration[] = [
  {
    version: 1,
    name: 'corpora',
    sql: `
      CREATE TABLE corpora (
        id serial PRIMARY KEY,
        name text NOT NULL UNIQUE
      );
      INSERT INTO corpora (name) VALUES ('shared');
    `,
  },
  {
    version: 2,
    name: 'subscriptions and feeds',
    // The SQLite tables' columns; times are timestamptz, read back as the same ISO strings.
    sql: `
      CREATE TABLE subscriptions (
        id serial PRIMARY KEY,
        guild_id text,
        channel_id text NOT NULL UNIQUE,
        schedule text NOT NULL,
        timezone text NOT NULL,
        post_when_empty boolean NOT NULL DEFAULT false,
        state text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'disabled')),
        disabled_reason text,
        created_by text,
        created_at timestamptz NOT NULL,
        last_document_id integer,
        last_posted_at timestamptz
      );
      CREATE INDEX subscriptions_by_guild ON subscriptions (guild_id);
      CREATE TABLE digest_slots (
        subscription_id integer NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        slot text NOT NULL,
        state text NOT NULL CHECK (state IN ('pending', 'sent', 'skipped', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        reason text,
        message_id text,
        recorded_at timestamptz NOT NULL,
        claimed_at timestamptz,
        finished_at timestamptz,
        PRIMARY KEY (subscription_id, slot)
      );
      CREATE INDEX digest_slots_pending ON digest_slots (subscription_id) WHERE state = 'pending';

      CREATE TABLE feeds (
        id serial PRIMARY KEY,
        guild_id text,
        url text NOT NULL,
        title text,
        etag text,
        last_modified text,
        next_poll_at timestamptz NOT NULL,
        last_polled_at timestamptz,
        consecutive_failures integer NOT NULL DEFAULT 0,
        last_error text,
        disabled_reason text,
        added_by text,
        added_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX feeds_by_guild_url ON feeds ((coalesce(guild_id, '')), url);
      CREATE INDEX feeds_due ON feeds (next_poll_at) WHERE disabled_reason IS NULL;
      CREATE TABLE feed_items (
        feed_id integer NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        item_key text NOT NULL,
        document_key text,
        seen_at timestamptz NOT NULL,
        PRIMARY KEY (feed_id, item_key)
      );
    `,
  },
];
