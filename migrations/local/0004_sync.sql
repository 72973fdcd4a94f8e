-- Hosted sync between the shop's tills.

-- The till whose change a row last took (NULL: this till).
ALTER TABLE orders ADD COLUMN version_device TEXT;
CREATE INDEX orders_number ON orders (number);
ALTER TABLE shop ADD COLUMN version_device TEXT;
ALTER TABLE delivery_zones ADD COLUMN version_device TEXT;
ALTER TABLE categories ADD COLUMN version_device TEXT;
ALTER TABLE items ADD COLUMN version_device TEXT;
ALTER TABLE customers ADD COLUMN version_device TEXT;
ALTER TABLE payments ADD COLUMN version_device TEXT;

-- A change written here (it has an outbox row) is this till's own again.
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

-- This till's digit in order numbers once enrolled (0: not enrolled).
INSERT INTO counters (name, value) VALUES ('device_no', 0);

-- Changes the hosted database refused, kept for staff to see (the outbox
-- moves on past them).
CREATE TABLE sync_rejects (
    outbox_seq INTEGER PRIMARY KEY NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    payload    TEXT NOT NULL,
    reason     TEXT NOT NULL,
    at         INTEGER NOT NULL
) STRICT;
