-- Airtime and data bundles, one row per send: one per unit of a line.
--
-- The fulfilment machine (crates/core/src/digital/fulfil.rs):
--   unpaid   -> written with its chat order; never sent.
--   queued   -> its order was paid (set in the payment's transaction).
--   sending  -> claimed; the request is about to leave or its answer was
--               lost. Asked again only under the same `send_key`, which the
--               provider answers as it did the first time.
--   sent     -> the provider took it; `request_id` saved before anything
--               else; its status is polled.
--   delivered | failed -> the provider's final answer (or staff's: sent by
--               hand). A failed send is "refund due" until staff refund or
--               send it again (a new `send_key`).
--   refunded | cancelled -> staff gave the money back / the order was
--               cancelled before it was paid. (Cancelled after payment but
--               before sending: failed, refund due.)
-- Kept on the till that took the chat order (whose vault holds the
-- provider's keys): only that till sends, so nothing is sent twice by two
-- tills.
CREATE TABLE digital_sends (
    id            TEXT PRIMARY KEY NOT NULL,
    order_id      TEXT NOT NULL REFERENCES orders (id),
    position      INTEGER NOT NULL,
    unit          INTEGER NOT NULL,
    item_name     TEXT NOT NULL,
    recipient     TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('airtime', 'bundle')),
    value_minor   INTEGER NOT NULL,
    currency      TEXT NOT NULL,
    megabytes     INTEGER,
    validity_days INTEGER,
    simulated     INTEGER NOT NULL CHECK (simulated IN (0, 1)),
    state         TEXT NOT NULL CHECK (state IN ('unpaid', 'queued', 'sending', 'sent', 'delivered', 'failed', 'refunded', 'cancelled')),
    send_key      TEXT NOT NULL,
    request_id    TEXT,
    attempts      INTEGER NOT NULL DEFAULT 0,
    next_try_at   INTEGER NOT NULL,
    last_error    TEXT,
    settled_by    TEXT,
    settle_note   TEXT,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    UNIQUE (order_id, position, unit)
) STRICT;

CREATE INDEX digital_sends_due ON digital_sends (next_try_at)
    WHERE state IN ('queued', 'sending', 'sent');
CREATE INDEX digital_sends_order ON digital_sends (order_id);

-- Rows from before DukaDesk sent airtime itself were never sent by it:
-- staff see them as refund due, to send by hand or refund. None is sent
-- on its own after an update.
INSERT INTO digital_sends (id, order_id, position, unit, item_name, recipient, kind, value_minor,
                           currency, simulated, state, send_key, next_try_at, last_error,
                           created_at, updated_at)
SELECT lower(hex(randomblob(16))), f.order_id, 0, 0,
       COALESCE((SELECT group_concat(l.name, ', ') FROM order_items l WHERE l.order_id = f.order_id), ''),
       f.recipient, 'airtime', o.total_minor, o.currency, 0, 'failed', lower(hex(randomblob(16))),
       f.created_at,
       'Recorded before DukaDesk sent airtime itself: send it by hand, or refund the customer.',
       f.created_at, f.created_at
FROM digital_fulfilments f JOIN orders o ON o.id = f.order_id
WHERE o.status IN ('paid', 'preparing', 'out_for_delivery', 'delivered');

DROP TABLE digital_fulfilments;
