-- Chats with customers, their messages (inbound journal and outbound queue),
-- and erasure requests.

CREATE TABLE conversations (
    id               TEXT PRIMARY KEY NOT NULL,
    channel          TEXT NOT NULL CHECK (channel IN ('test_chat', 'whatsapp')),
    -- The channel's address for the chat (a phone number or a WhatsApp id).
    address          TEXT NOT NULL,
    customer_id      TEXT REFERENCES customers (id),
    bot_state        TEXT NOT NULL,
    unread           INTEGER NOT NULL DEFAULT 0,
    needs_attention  INTEGER NOT NULL DEFAULT 0,
    taken_over_until INTEGER,
    last_message_at  INTEGER NOT NULL,
    created_at       INTEGER NOT NULL,
    UNIQUE (channel, address)
) STRICT;
CREATE INDEX conversations_recent ON conversations (last_message_at DESC);

CREATE TABLE messages (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    id              TEXT NOT NULL UNIQUE,
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    author          TEXT NOT NULL CHECK (author IN ('customer', 'bot', 'staff')),
    body            TEXT NOT NULL,
    rows_json       TEXT NOT NULL DEFAULT '[]',
    -- The channel's id of an inbound message: each is handled once.
    external_id     TEXT,
    status          TEXT NOT NULL CHECK (status IN ('received', 'queued', 'sent')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER
) STRICT;
CREATE UNIQUE INDEX messages_external ON messages (conversation_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX messages_conversation ON messages (conversation_id, seq);
CREATE INDEX messages_queued ON messages (seq) WHERE status = 'queued';

ALTER TABLE orders ADD COLUMN conversation_id TEXT REFERENCES conversations (id);
CREATE INDEX orders_conversation ON orders (conversation_id);

-- Airtime and bundles to send once their order is paid.
CREATE TABLE digital_fulfilments (
    order_id   TEXT PRIMARY KEY NOT NULL REFERENCES orders (id),
    recipient  TEXT NOT NULL,
    state      TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
    created_at INTEGER NOT NULL
) STRICT;

-- A customer asked to be erased (DELETE ME, confirmed) or staff did.
CREATE TABLE erasure_requests (
    id           TEXT PRIMARY KEY NOT NULL,
    customer_id  TEXT,
    address      TEXT NOT NULL,
    source       TEXT NOT NULL CHECK (source IN ('chat', 'staff')),
    requested_at INTEGER NOT NULL,
    done_at      INTEGER
) STRICT;
