/** Schema migrations, applied in order; `PRAGMA user_version` records how many have run. */
export const migrations: string[] = [
  `
  CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    source TEXT,
    url TEXT,
    published_at TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    body TEXT NOT NULL,
    ingested_at TEXT NOT NULL
  );
  CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (document_id, idx)
  );
  CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text, content='sentences', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
  END;
  CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
  END;

  CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'place', 'organization')),
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    affiliation TEXT,
    place_kind TEXT,
    first_document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    UNIQUE (kind, name_key)
  );
  CREATE TABLE aliases (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    alias_key TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias_key)
  );
  CREATE INDEX aliases_by_key ON aliases(alias_key);
  CREATE INDEX entities_by_kind ON entities(kind, name);
  CREATE TABLE roles (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    affiliation TEXT,
    sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    PRIMARY KEY (entity_id, role, sentence_id)
  );
  CREATE INDEX roles_by_sentence ON roles(sentence_id);
  CREATE TABLE mentions (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    PRIMARY KEY (entity_id, sentence_id)
  );
  CREATE INDEX mentions_by_sentence ON mentions(sentence_id);

  CREATE TABLE proposals (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    first_document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL
  );
  CREATE TABLE proposal_aliases (
    proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    alias_key TEXT NOT NULL,
    PRIMARY KEY (proposal_id, alias_key)
  );
  CREATE INDEX proposal_aliases_by_key ON proposal_aliases(alias_key);
  CREATE TABLE proposal_reports (
    id INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    status TEXT,
    proposed_by TEXT NOT NULL DEFAULT '[]',
    UNIQUE (proposal_id, document_id)
  );
  CREATE TABLE proposal_evidence (
    proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    PRIMARY KEY (proposal_id, sentence_id)
  );
  CREATE INDEX proposal_evidence_by_sentence ON proposal_evidence(sentence_id);

  CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    speaker_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    speaker_name TEXT,
    text TEXT NOT NULL
  );
  CREATE INDEX quotes_by_speaker ON quotes(speaker_id);
  CREATE INDEX quotes_by_sentence ON quotes(sentence_id);

  CREATE TABLE dates (
    id INTEGER PRIMARY KEY,
    sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    iso TEXT,
    precision TEXT CHECK (precision IN ('day', 'month', 'year')),
    what TEXT,
    what_key TEXT
  );
  CREATE INDEX dates_by_iso ON dates(iso);
  CREATE INDEX dates_by_what ON dates(what_key);
  CREATE INDEX dates_by_sentence ON dates(sentence_id);
  CREATE TABLE date_conflicts (
    date_a INTEGER NOT NULL REFERENCES dates(id) ON DELETE CASCADE,
    date_b INTEGER NOT NULL REFERENCES dates(id) ON DELETE CASCADE,
    PRIMARY KEY (date_a, date_b)
  );
  `,
  `
  CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY,
    guild_id TEXT,
    channel_id TEXT NOT NULL UNIQUE,
    schedule TEXT NOT NULL,
    timezone TEXT NOT NULL,
    post_when_empty INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'disabled')),
    disabled_reason TEXT,
    created_by TEXT,
    created_at TEXT NOT NULL,
    last_document_id INTEGER,
    last_posted_at TEXT
  );
  CREATE TABLE digest_slots (
    subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
    slot TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'skipped', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    reason TEXT,
    message_id TEXT,
    recorded_at TEXT NOT NULL,
    finished_at TEXT,
    PRIMARY KEY (subscription_id, slot)
  );
  `,
  `
  -- Dates indexed by the words of what they date, so a new date finds its possible conflicts without a scan.
  CREATE TABLE date_terms (
    term TEXT NOT NULL,
    date_id INTEGER NOT NULL REFERENCES dates(id) ON DELETE CASCADE,
    PRIMARY KEY (term, date_id)
  ) WITHOUT ROWID;
  CREATE INDEX date_terms_by_date ON date_terms(date_id);
  WITH RECURSIVE split(date_id, term, rest) AS (
    SELECT id, '', what_key || ' ' FROM dates WHERE what_key IS NOT NULL AND iso IS NOT NULL
    UNION ALL
    SELECT date_id, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1) FROM split
    WHERE rest <> ''
  )
  INSERT OR IGNORE INTO date_terms (term, date_id) SELECT term, date_id FROM split WHERE term <> '';
  `,
  `
  -- Keep every spelling as an alias (Kovalensky, Kovalenskyy, Kovalenskiy share one key but are all shown).
  CREATE TABLE aliases_by_spelling (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    alias_key TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
  );
  INSERT INTO aliases_by_spelling (entity_id, alias, alias_key) SELECT entity_id, alias, alias_key FROM aliases;
  DROP TABLE aliases;
  ALTER TABLE aliases_by_spelling RENAME TO aliases;
  CREATE INDEX aliases_by_key ON aliases(alias_key);
  `,
  `
  -- How often each entity is mentioned, kept on the row so lists rank without counting every mention.
  ALTER TABLE entities ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
  UPDATE entities SET mention_count = (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id);
  CREATE INDEX entities_by_mentions ON entities(kind, mention_count DESC);
  `,
  `
  CREATE INDEX date_conflicts_by_b ON date_conflicts(date_b);
  `,
  `
  -- How many sentences hold each indexed term, so a question's very common words can be left out of a search.
  CREATE VIRTUAL TABLE sentences_vocab USING fts5vocab(sentences_fts, 'row');
  `,
  `
  -- A proposal's key is for finding it, not an identity: bare heads ("the deal") recur across documents unlinked.
  CREATE TABLE proposals_new (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    first_document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL
  );
  INSERT INTO proposals_new (id, name, name_key, first_document_id)
    SELECT id, name, name_key, first_document_id FROM proposals;
  DROP TABLE proposals;
  ALTER TABLE proposals_new RENAME TO proposals;
  CREATE INDEX proposals_by_key ON proposals(name_key);

  -- Events are facts: kind, place, date, participants; one row per event, one source row per stating sentence.
  -- Disagreements are between events: the outlier event (fewer sources) points at the event it contradicts.
  DROP TABLE date_conflicts;
  DROP TABLE date_terms;
  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    place_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    place_key INTEGER NOT NULL DEFAULT 0,
    day TEXT,
    precision TEXT CHECK (precision IN ('day', 'month', 'year')),
    raw_date TEXT,
    label TEXT NOT NULL,
    future_only INTEGER NOT NULL DEFAULT 0,
    lone INTEGER NOT NULL DEFAULT 0,
    first_document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL
  );
  CREATE INDEX events_by_kind_place_day ON events(kind, place_key, day);
  CREATE INDEX events_by_day ON events(day);
  -- Upcoming events with nothing of their kind and place within two months: the candidates for a mistyped date.
  CREATE INDEX events_lone ON events(kind, place_key) WHERE lone = 1;
  CREATE TABLE event_participants (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, entity_id)
  );
  CREATE INDEX event_participants_by_entity ON event_participants(entity_id);
  CREATE TABLE event_sources (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    date_text TEXT,
    iso TEXT,
    precision TEXT,
    future INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, sentence_id)
  );
  CREATE INDEX event_sources_by_sentence ON event_sources(sentence_id);
  CREATE INDEX event_sources_by_document ON event_sources(document_id);
  CREATE TABLE event_disputes (
    event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    with_event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL
  );
  CREATE INDEX event_disputes_by_with ON event_disputes(with_event_id);

  -- Spelling variants beyond the folded key (vowels of transliterations) are found by the name's skeleton.
  ALTER TABLE aliases ADD COLUMN skeleton TEXT NOT NULL DEFAULT '';
  CREATE INDEX aliases_by_skeleton ON aliases(skeleton) WHERE skeleton != '';
  `,
  `
  -- Feeds a server (guild_id; NULL = the console / shared corpus) follows, and the items already ingested from each.
  CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    guild_id TEXT,
    url TEXT NOT NULL,
    title TEXT,
    etag TEXT,
    last_modified TEXT,
    next_poll_at TEXT NOT NULL,
    last_polled_at TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    disabled_reason TEXT,
    added_by TEXT,
    added_at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX feeds_by_guild_url ON feeds(ifnull(guild_id, ''), url);
  CREATE INDEX feeds_due ON feeds(next_poll_at) WHERE disabled_reason IS NULL;
  CREATE TABLE feed_items (
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    document_key TEXT,
    seen_at TEXT NOT NULL,
    UNIQUE (feed_id, item_key)
  );
  `,
  `
  -- Corpora: one per Discord server, one for the console, and the shared one (id 1) that every server reads.
  -- Everything stored so far came from the documents folder: it becomes the shared corpus.
  CREATE TABLE corpora (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
  );
  INSERT INTO corpora (id, name) VALUES (1, 'shared');

  -- A document's key and content are unique within its corpus: two servers may hold the same article.
  CREATE TABLE documents_new (
    id INTEGER PRIMARY KEY,
    corpus_id INTEGER NOT NULL DEFAULT 1 REFERENCES corpora(id),
    key TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    title TEXT NOT NULL,
    source TEXT,
    url TEXT,
    published_at TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    body TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    UNIQUE (corpus_id, key),
    UNIQUE (corpus_id, content_hash)
  );
  INSERT INTO documents_new (id, corpus_id, key, content_hash, title, source, url, published_at, tags, body,
                             ingested_at)
    SELECT id, 1, key, content_hash, title, source, url, published_at, tags, body, ingested_at FROM documents;
  DROP TABLE documents;
  ALTER TABLE documents_new RENAME TO documents;

  -- The same person, place or organisation is one entity within a corpus, never across two.
  CREATE TABLE entities_new (
    id INTEGER PRIMARY KEY,
    corpus_id INTEGER NOT NULL DEFAULT 1 REFERENCES corpora(id),
    kind TEXT NOT NULL CHECK (kind IN ('person', 'place', 'organization')),
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    affiliation TEXT,
    place_kind TEXT,
    first_document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    mention_count INTEGER NOT NULL DEFAULT 0,
    UNIQUE (corpus_id, kind, name_key)
  );
  INSERT INTO entities_new (id, corpus_id, kind, name, name_key, affiliation, place_kind, first_document_id,
                            mention_count)
    SELECT id, 1, kind, name, name_key, affiliation, place_kind, first_document_id, mention_count FROM entities;
  DROP TABLE entities;
  ALTER TABLE entities_new RENAME TO entities;
  CREATE INDEX entities_by_kind ON entities(kind, name);
  CREATE INDEX entities_by_mentions ON entities(kind, mention_count DESC);

  ALTER TABLE proposals ADD COLUMN corpus_id INTEGER NOT NULL DEFAULT 1;
  CREATE INDEX proposals_by_corpus ON proposals(corpus_id);
  ALTER TABLE events ADD COLUMN corpus_id INTEGER NOT NULL DEFAULT 1;
  CREATE INDEX events_by_corpus_day ON events(corpus_id, day);
  -- An event with no place is keyed by minus its corpus id, so the (kind, place_key, day) neighbourhoods that
  -- merging and disputes read never span two corpora (a place is an entity, itself of one corpus).
  UPDATE events SET place_key = -1 WHERE place_key = 0;
  `,

  `
  -- The date a report or an event's statement sorts by is its document's (publication, else ingestion), copied onto
  -- the row when it is written, so "a proposal's latest reports" and "an event's first sources" are index ranges
  -- however many documents report them.
  ALTER TABLE proposal_reports ADD COLUMN dated TEXT;
  UPDATE proposal_reports SET dated = (SELECT coalesce(d.published_at, substr(d.ingested_at, 1, 10))
                                       FROM documents d WHERE d.id = proposal_reports.document_id);
  CREATE INDEX proposal_reports_by_date ON proposal_reports(proposal_id, dated DESC, document_id DESC);
  CREATE TRIGGER proposal_reports_dated AFTER INSERT ON proposal_reports BEGIN
    UPDATE proposal_reports SET dated = (SELECT coalesce(d.published_at, substr(d.ingested_at, 1, 10))
                                         FROM documents d WHERE d.id = new.document_id)
    WHERE id = new.id;
  END;
  ALTER TABLE event_sources ADD COLUMN dated TEXT;
  UPDATE event_sources SET dated = (SELECT coalesce(d.published_at, d.ingested_at)
                                    FROM documents d WHERE d.id = event_sources.document_id);
  CREATE INDEX event_sources_by_date ON event_sources(event_id, dated, sentence_id);
  CREATE TRIGGER event_sources_dated AFTER INSERT ON event_sources BEGIN
    UPDATE event_sources SET dated = (SELECT coalesce(d.published_at, d.ingested_at)
                                      FROM documents d WHERE d.id = new.document_id)
    WHERE event_id = new.event_id AND sentence_id = new.sentence_id;
  END;
  -- A quote knows its corpus and whether it is attributed (what /quote lists and counts), so the list and its count
  -- are index ranges, not a walk through every quote's sentence and document.
  ALTER TABLE quotes ADD COLUMN corpus_id INTEGER;
  UPDATE quotes SET corpus_id = (SELECT d.corpus_id FROM sentences s JOIN documents d ON d.id = s.document_id
                                 WHERE s.id = quotes.sentence_id);
  ALTER TABLE quotes ADD COLUMN attributed INTEGER
    GENERATED ALWAYS AS (speaker_id IS NOT NULL OR coalesce(speaker_name, '') <> '') VIRTUAL;
  CREATE INDEX quotes_by_corpus ON quotes(corpus_id, attributed, id);
  CREATE TRIGGER quotes_corpus AFTER INSERT ON quotes BEGIN
    UPDATE quotes SET corpus_id = (SELECT d.corpus_id FROM sentences s JOIN documents d ON d.id = s.document_id
                                   WHERE s.id = new.sentence_id)
    WHERE id = new.id;
  END;
  CREATE INDEX documents_by_date ON documents(corpus_id, coalesce(published_at, ingested_at), id);

  -- Each entity's distinct roles with how many sentences give them: what a search by role ("the envoy") scans,
  -- a few rows an entity however many documents name it.
  CREATE TABLE entity_roles (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    sentences INTEGER NOT NULL,
    PRIMARY KEY (entity_id, role)
  );
  INSERT INTO entity_roles (entity_id, role, sentences) SELECT entity_id, role, count(*) FROM roles GROUP BY 1, 2;
  CREATE TRIGGER roles_counted AFTER INSERT ON roles BEGIN
    INSERT INTO entity_roles (entity_id, role, sentences) VALUES (new.entity_id, new.role, 1)
      ON CONFLICT (entity_id, role) DO UPDATE SET sentences = sentences + 1;
  END;
  CREATE TRIGGER roles_uncounted AFTER DELETE ON roles BEGIN
    UPDATE entity_roles SET sentences = sentences - 1 WHERE entity_id = old.entity_id AND role = old.role;
    DELETE FROM entity_roles WHERE entity_id = old.entity_id AND role = old.role AND sentences <= 0;
  END;
  `,
  `
  -- A pending slot's claim has a time: another process may take it over only once the claim is older than a lease.
  ALTER TABLE digest_slots ADD COLUMN claimed_at TEXT;
  UPDATE digest_slots SET claimed_at = recorded_at WHERE state = 'pending';
  `,
];
