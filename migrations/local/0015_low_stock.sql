-- The stock at or below which staff are warned that an item runs low.
-- Travels in the item's body like its other fields.
ALTER TABLE items ADD COLUMN low_stock INTEGER;
