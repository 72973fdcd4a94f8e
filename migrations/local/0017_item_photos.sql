-- Product photos: one per item, keyed by the item's id, synced as the
-- `item_photo` entity (last writer wins, like items). `jpeg` is the photo
-- as stored and sent to customers (at most 800 pixels a side); `thumb` is
-- this till's own small copy for lists, made when the row is written.
-- A removed photo stays as a tombstone (`removed` = 1, no bytes), so an
-- older photo from another till cannot bring it back.
CREATE TABLE item_photos (
    id             TEXT PRIMARY KEY,
    sha256         TEXT NOT NULL,
    width          INTEGER NOT NULL,
    height         INTEGER NOT NULL,
    jpeg           BLOB NOT NULL,
    thumb          BLOB NOT NULL,
    removed        INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
    updated_at     INTEGER NOT NULL,
    version_device TEXT
) STRICT;
