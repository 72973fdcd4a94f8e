-- Stock as movements. An item's stock is no longer a number every till
-- overwrites (last writer wins lost a sale when two tills sold the same
-- item offline) but the sum of rows that only ever get inserted and travel
-- between tills: sales, restocks of cancelled orders, manual counts and
-- corrections.
--
-- The level of an item (the same rule on every till and on the server,
-- `records::stock` and hosted migration 0005): its latest 'count' (by
-- created_at, ties by id) sets the level; the deltas of the non-count
-- movements after it (same order) are added. No count, or a latest count
-- without a level: the item is not counted. `items.stock` stays as this
-- till's cache of that level, recomputed whenever a movement of the item
-- is written here or pulled; it no longer travels in the item row.

-- The cache may go below zero (two tills sold the last unit offline): the
-- CHECK of 0001 goes, which in SQLite means rebuilding the table. The
-- outbox trigger names `items`, so it is dropped and made again around it.
DROP TRIGGER outbox_local_write;

CREATE TABLE items_new (
    id             TEXT PRIMARY KEY NOT NULL,
    name           TEXT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    price_minor    INTEGER NOT NULL CHECK (price_minor > 0),
    currency       TEXT NOT NULL,
    category_id    TEXT REFERENCES categories (id),
    kind           TEXT NOT NULL CHECK (kind IN ('physical', 'airtime', 'data_bundle')),
    -- This till's cache of the level its stock movements give (NULL: not
    -- counted). Below zero when tills oversold offline.
    stock          INTEGER,
    megabytes      INTEGER,
    validity_days  INTEGER,
    archived       INTEGER NOT NULL DEFAULT 0,
    updated_at     INTEGER NOT NULL,
    version_device TEXT
) STRICT;
INSERT INTO items_new (id, name, description, price_minor, currency, category_id, kind, stock,
                       megabytes, validity_days, archived, updated_at, version_device)
    SELECT id, name, description, price_minor, currency, category_id, kind, stock,
           megabytes, validity_days, archived, updated_at, version_device
    FROM items;
DROP TABLE items;
ALTER TABLE items_new RENAME TO items;
CREATE INDEX items_name ON items (archived, name COLLATE NOCASE);

CREATE TRIGGER outbox_local_write AFTER INSERT ON outbox BEGIN
    UPDATE shop SET version_device = NULL
        WHERE NEW.entity = 'shop' AND version_device IS NOT NULL;
    UPDATE delivery_zones SET version_device = NULL
        WHERE NEW.entity = 'delivery_zone' AND id = NEW.entity_id AND version_device IS NOT NULL;
    UPDATE categories SET version_device = NULL
        WHERE NEW.entity = 'category' AND id = NEW.entity_id AND version_device IS NOT NULL;
    UPDATE items SET version_device = NULL
        WHERE NEW.entity = 'item' AND id = NEW.entity_id AND version_device IS NOT NULL;
    UPDATE customers SET version_device = NULL
        WHERE NEW.entity = 'customer' AND id = NEW.entity_id AND version_device IS NOT NULL;
    UPDATE orders SET version_device = NULL
        WHERE NEW.entity = 'order' AND id = NEW.entity_id AND version_device IS NOT NULL;
    UPDATE payments SET version_device = NULL
        WHERE NEW.entity = 'payment' AND id = NEW.entity_id AND version_device IS NOT NULL;
END;

-- Insert-only: a movement is never changed or removed (a till takes the
-- server's version of an id it also holds, see `sync::local`). Synced as
-- the `stock_movement` entity.
CREATE TABLE stock_movements (
    id         TEXT PRIMARY KEY NOT NULL,
    item_id    TEXT NOT NULL REFERENCES items (id),
    -- sale (an order took units), restock (a cancelled order gave them
    -- back), count (staff counted the shelf), correction (staff added or
    -- removed units: breakage, a delivery).
    kind       TEXT NOT NULL CHECK (kind IN ('sale', 'restock', 'count', 'correction')),
    -- Signed units. For a count, informative only: the level it set minus
    -- the level this till showed before.
    delta      INTEGER NOT NULL,
    -- Counts only: the level set (NULL: the item is not counted from then on).
    level      INTEGER CHECK (kind = 'count' OR level IS NULL),
    -- Sales and restocks: the order. No foreign key: orders go with
    -- retention, the stock history stays.
    order_id   TEXT,
    -- Who, as the till shows it (NULL for the bot and for the first count).
    staff_name TEXT,
    -- Unix milliseconds; never before the item's latest movement known on
    -- the till that wrote it, so one till's movements keep their order.
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX stock_movements_item ON stock_movements (item_id, created_at, id);

-- The stock each counted item has now becomes its first count, at the time
-- the item last changed, under the item's own id: every till of a shop
-- makes the same one, so it counts once wherever it syncs.
INSERT INTO stock_movements (id, item_id, kind, delta, level, order_id, staff_name, created_at)
    SELECT id, id, 'count', stock, stock, NULL, NULL, updated_at
    FROM items WHERE kind = 'physical' AND stock IS NOT NULL;
INSERT INTO outbox (entity, entity_id, op, payload, created_at)
    SELECT 'stock_movement', id, 'upsert',
           json_object('id', id, 'item_id', item_id, 'kind', kind, 'delta', delta,
                       'level', level, 'order_id', order_id, 'staff_name', staff_name,
                       'created_at', created_at),
           created_at
    FROM stock_movements ORDER BY created_at, id;
