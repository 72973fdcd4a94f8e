-- Cash-ups (Z reports): a till's drawer counted at the end of a day or
-- shift. Only ever inserted (a recount is a new cash-up), synced as the
-- `cash_up` entity so every till and the server keep the shop's cash-ups.
CREATE TABLE cash_ups (
    id            TEXT PRIMARY KEY NOT NULL,
    -- The till, as its people call it.
    till          TEXT NOT NULL,
    -- The period counted, Unix milliseconds.
    from_at       INTEGER NOT NULL,
    at            INTEGER NOT NULL CHECK (at >= from_at),
    payments      INTEGER NOT NULL CHECK (payments >= 0),
    currency      TEXT NOT NULL,
    float_minor   INTEGER NOT NULL CHECK (float_minor >= 0),
    cash_minor    INTEGER NOT NULL CHECK (cash_minor >= 0),
    mpesa_minor   INTEGER NOT NULL CHECK (mpesa_minor >= 0),
    counted_minor INTEGER NOT NULL CHECK (counted_minor >= 0),
    staff_name    TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    -- 1: counted at this till, whose next period starts at `at`; 0: pulled
    -- from another till. Not synced.
    here          INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX cash_ups_at ON cash_ups (here, at);
-- What a till took in a period (its cash-up).
CREATE INDEX payments_taken ON payments (started_here, state, updated_at);
