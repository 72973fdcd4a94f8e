-- Stock as movements. An item's stock used to travel inside the item row,
-- last writer wins, so two tills selling the same counted item offline
-- lost a sale. Now every sale, restock of a cancelled order, manual count
-- and correction is a row of its own (`stock_movement` changes), only ever
-- inserted, and an item's level follows from them by one rule, applied
-- the same here (`item_stock` below) and on every till
-- (`records::stock` in the core):
--
--   the latest count (by created_at, ties by id) sets the level; the
--   deltas of the non-count movements after it (same order) are added.
--   No count, or a latest count without a level: the item is not counted.
--
-- The level may go below zero when tills sold the last units offline:
-- that is the truth to count, and it is shown as it is.
--
-- Insert-only: the first version of a movement the server receives stays
-- (ON CONFLICT DO NOTHING; tills get no UPDATE on this table), and a till
-- that holds another version of the same id takes the server's when it
-- pulls it. Movements carry no personal data (the staff member's name at
-- most), so erasure does not touch them; they are not deleted by the
-- purge either (no till or role but the owner can delete, and the stock
-- history outlives the orders it came from).
--
-- Tills of schema 2 would still send stock in item rows and no movements,
-- so the schema becomes 3 and they are asked to update.

CREATE OR REPLACE FUNCTION hosted_schema_version() RETURNS integer
    LANGUAGE sql IMMUTABLE AS $$ SELECT 3 $$;

CREATE TABLE stock_movements (
    shop_id        uuid NOT NULL DEFAULT current_shop_id() REFERENCES shops (id),
    id             uuid NOT NULL,
    body           jsonb NOT NULL,
    deleted        boolean NOT NULL DEFAULT false CHECK (NOT deleted),
    version_at     timestamptz NOT NULL,
    version_device uuid NOT NULL,
    change_seq     bigint NOT NULL,
    item_id        uuid NOT NULL GENERATED ALWAYS AS ((body->>'item_id')::uuid) STORED,
    kind           text NOT NULL GENERATED ALWAYS AS (body->>'kind') STORED
                   CHECK (kind IN ('sale', 'restock', 'count', 'correction')),
    delta          bigint NOT NULL GENERATED ALWAYS AS ((body->>'delta')::bigint) STORED,
    -- Counts only: the level set (NULL: not counted from then on).
    level          bigint GENERATED ALWAYS AS ((body->>'level')::bigint) STORED
                   CHECK (kind = 'count' OR level IS NULL),
    order_id       uuid GENERATED ALWAYS AS ((body->>'order_id')::uuid) STORED,
    -- When the till made it, Unix milliseconds (the till's own order).
    created_ms     bigint NOT NULL GENERATED ALWAYS AS ((body->>'created_at')::bigint) STORED,
    PRIMARY KEY (shop_id, id),
    FOREIGN KEY (shop_id, item_id) REFERENCES items (shop_id, id)
);
CREATE INDEX stock_movements_change ON stock_movements (shop_id, change_seq);
CREATE INDEX stock_movements_item ON stock_movements (shop_id, item_id, created_ms, id);
CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON stock_movements
    FOR EACH ROW EXECUTE FUNCTION stamp_change();

ALTER TABLE stock_movements ENABLE ROW LEVEL SECURITY;
ALTER TABLE stock_movements FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON stock_movements TO dukadesk_device
    USING (shop_id = (SELECT current_shop_id()))
    WITH CHECK (shop_id = (SELECT current_shop_id()));
CREATE POLICY server_tenant ON stock_movements TO dukadesk_server
    USING (shop_id = (SELECT current_shop_id()))
    WITH CHECK (shop_id = (SELECT current_shop_id()));
CREATE POLICY owner_all ON stock_movements TO CURRENT_USER USING (true) WITH CHECK (true);
-- Insert-only: no UPDATE, no DELETE.
GRANT SELECT, INSERT ON stock_movements TO dukadesk_device, dukadesk_server;

-- Everything a till pulls, now with the movements.
CREATE OR REPLACE VIEW changes WITH (security_invoker = true) AS
          SELECT 'shop'::text AS entity, id, body, deleted, version_at, version_device, change_seq FROM shop_profiles
UNION ALL SELECT 'delivery_zone', id, body, deleted, version_at, version_device, change_seq FROM delivery_zones
UNION ALL SELECT 'category', id, body, deleted, version_at, version_device, change_seq FROM categories
UNION ALL SELECT 'item', id, body, deleted, version_at, version_device, change_seq FROM items
UNION ALL SELECT 'customer', id, body, deleted, version_at, version_device, change_seq FROM customers
UNION ALL SELECT 'order', id, body, deleted, version_at, version_device, change_seq FROM orders
UNION ALL SELECT 'payment', id, body, deleted, version_at, version_device, change_seq FROM payments
UNION ALL SELECT 'stock_movement', id, body, deleted, version_at, version_device, change_seq FROM stock_movements;

-- Each item's stock level by the rule above (NULL: not counted, or not a
-- physical item). security_invoker keeps the tables' row-level security
-- in force for the caller: a till sees its own shop's levels.
CREATE VIEW item_stock WITH (security_invoker = true) AS
SELECT i.shop_id, i.id AS item_id,
       CASE WHEN i.body->'kind' ? 'Physical' THEN
           (SELECT (c.level + COALESCE(
                       (SELECT sum(m.delta) FROM stock_movements m
                        WHERE m.shop_id = c.shop_id AND m.item_id = c.item_id
                          AND m.kind <> 'count'
                          AND (m.created_ms, m.id) > (c.created_ms, c.id)), 0))::bigint
            FROM stock_movements c
            WHERE c.shop_id = i.shop_id AND c.item_id = i.id AND c.kind = 'count'
            ORDER BY c.created_ms DESC, c.id DESC LIMIT 1)
       END AS level
FROM items i;
GRANT SELECT ON item_stock TO dukadesk_device, dukadesk_server;
