-- Privacy: who did what (the audit log), the owner and staff who sign in,
-- and customers whose personal data was erased.

-- Every privacy action (export, erasure, disconnect, retention, sign-in
-- changes) lands here. Subjects are ids, never phone numbers or names.
CREATE TABLE audit_log (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    at      INTEGER NOT NULL,
    -- 'owner', 'staff:<staff id>', 'customer', 'system' or 'till:<device>'.
    actor   TEXT NOT NULL,
    -- e.g. 'customer.erase', 'customer.correct', 'export.shop',
    -- 'export.customer', 'disconnect.hosted', 'disconnect.whatsapp',
    -- 'retention.chats', 'retention.orders', 'retention.tokens'.
    action  TEXT NOT NULL,
    subject TEXT,
    detail  TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX audit_log_at ON audit_log (at);

-- The owner (one, with a password) and staff (each with a short PIN).
-- Secrets are Argon2id PHC strings, never the password or PIN itself.
CREATE TABLE staff (
    id              TEXT PRIMARY KEY NOT NULL,
    name            TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('owner', 'staff')),
    secret_hash     TEXT NOT NULL CHECK (secret_hash LIKE '$argon2id$%'),
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    INTEGER,
    active          INTEGER NOT NULL DEFAULT 1,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX staff_one_owner ON staff (role) WHERE role = 'owner';

-- Set when the customer's personal data was erased; the row stays, with a
-- pseudonym in place of the phone, so kept orders still point at it.
ALTER TABLE customers ADD COLUMN erased_at INTEGER;
