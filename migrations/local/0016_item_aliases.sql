-- Other names customers use for an item ("nyanya" for Tomatoes), as a JSON
-- array of strings; the bot matches them like the name. Travels in the
-- item's body like its other fields.
ALTER TABLE items ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]';
