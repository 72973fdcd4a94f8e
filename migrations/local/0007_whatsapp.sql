-- The linked WhatsApp device: its session store (the protocol's keys and
-- state, every value sealed by the vault), the inbound journal and the
-- link's health.

-- The device itself (identity key pair, noise key, signed pre-key, adv
-- secret...): one row, sealed.
CREATE TABLE wa_device (
    id         INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    sealed     TEXT NOT NULL CHECK (sealed LIKE 'v1.%'),
    updated_at INTEGER NOT NULL
) STRICT;

-- Everything else the protocol keeps: identities, Signal sessions, pre-keys,
-- signed pre-keys, sender keys, app-state sync keys and versions, mutation
-- MACs, LID mappings, device lists, tokens, sent messages kept for retries,
-- message secrets, the pending inbound buffer. Lookup keys (`kind`, `scope`,
-- `key`, `aux`) and the numbers searched by (`n1`, `n2`: ids, timestamps,
-- deadlines) are plain; the value is sealed with AES-256-GCM, bound to
-- (kind, scope, key).
CREATE TABLE wa_keys (
    kind   TEXT NOT NULL,
    scope  TEXT NOT NULL DEFAULT '',
    key    TEXT NOT NULL,
    aux    TEXT,
    n1     INTEGER NOT NULL DEFAULT 0,
    n2     INTEGER,
    sealed TEXT NOT NULL CHECK (sealed LIKE 'v1.%'),
    PRIMARY KEY (kind, scope, key)
) STRICT;
CREATE INDEX wa_keys_aux ON wa_keys (kind, aux) WHERE aux IS NOT NULL;
CREATE INDEX wa_keys_n1 ON wa_keys (kind, n1);

-- Every inbound WhatsApp message, recorded before it is handled (before the
-- server is told it arrived), once per (chat, sender, id). `handled_at` is
-- set in the same transaction as the bot's turn.
CREATE TABLE wa_inbound (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    chat        TEXT NOT NULL,
    sender      TEXT NOT NULL,
    id          TEXT NOT NULL,
    -- The message as DukaDesk reads it (JSON of the translated message).
    body        TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    handled_at  INTEGER,
    UNIQUE (chat, sender, id)
) STRICT;
CREATE INDEX wa_inbound_pending ON wa_inbound (seq) WHERE handled_at IS NULL;

-- The link's health as Settings shows it (no secrets, no customer data).
CREATE TABLE wa_link (
    id              INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    state           TEXT NOT NULL CHECK (state IN ('unlinked', 'linking', 'connected', 'reconnecting', 'logged_out', 'replaced', 'banned')),
    phone           TEXT,
    business_name   TEXT,
    linked_at       INTEGER,
    connected_at    INTEGER,
    last_message_at INTEGER,
    next_try_at     INTEGER,
    ban_until       INTEGER,
    detail          TEXT NOT NULL DEFAULT '',
    updated_at      INTEGER NOT NULL
) STRICT;

-- A document to send with an outbound message (a PDF receipt), as JSON:
-- {"receipt": "<order id>"}; rendered when it is sent.
ALTER TABLE messages ADD COLUMN attachment TEXT;

-- Orders whose PDF receipt was queued on WhatsApp: once each.
CREATE TABLE wa_receipts (
    order_id  TEXT PRIMARY KEY NOT NULL REFERENCES orders (id),
    queued_at INTEGER NOT NULL
) STRICT;
