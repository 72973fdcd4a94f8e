-- An item may carry its own KRA item classification code (ten digits);
-- without one it is registered under the shop's (Settings → Tax).
ALTER TABLE items ADD COLUMN tax_class TEXT;

-- The classification an item was registered under at KRA: a change of
-- class registers it again, like a change of band or name.
ALTER TABLE tax_items ADD COLUMN class TEXT NOT NULL DEFAULT '';

-- KRA's list of item classifications (selectItemClsList), kept here so
-- staff can find a code by name and a code KRA does not list is refused
-- before it is sent. Refreshed with what changed since `fetched_at`.
CREATE TABLE tax_item_classes (
    code    TEXT PRIMARY KEY NOT NULL,
    name    TEXT NOT NULL,
    level   INTEGER NOT NULL,
    band    TEXT,
    in_use  INTEGER NOT NULL CHECK (in_use IN (0, 1))
) STRICT;

-- When the list was last asked for (KRA's own time, YYYYMMDDhhmmss; NULL:
-- never), and when this till asked (milliseconds).
ALTER TABLE tax_device ADD COLUMN classes_since TEXT;
ALTER TABLE tax_device ADD COLUMN classes_at INTEGER;
