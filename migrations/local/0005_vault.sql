-- The vault: secrets sealed with AES-256-GCM under a random data key, which
-- is itself wrapped by a key from the OS keyring or a passphrase (Argon2id).

CREATE TABLE vault (
    id          INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    source      TEXT NOT NULL CHECK (source IN ('keyring', 'passphrase')),
    salt        BLOB NOT NULL,
    wrapped_key BLOB NOT NULL,
    created_at  INTEGER NOT NULL,
    rotated_at  INTEGER
) STRICT;

CREATE TABLE secrets (
    name       TEXT PRIMARY KEY NOT NULL,
    sealed     TEXT NOT NULL CHECK (sealed LIKE 'v1.%'),
    updated_at INTEGER NOT NULL
) STRICT;
