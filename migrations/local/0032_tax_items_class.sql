-- Items KRA registered before an item could have its own class were all
-- registered under the shop's: say so, so they are not registered again
-- for nothing on their next sale.
UPDATE tax_items
SET class = COALESCE((SELECT item_class FROM tax_device WHERE id = 1), '')
WHERE class = '';
