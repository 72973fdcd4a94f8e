-- A reseller erased at their request: name, number and code are gone
-- (`phone` holds '' from then on), and no later change brings them back.
ALTER TABLE resellers ADD COLUMN erased INTEGER NOT NULL DEFAULT 0 CHECK (erased IN (0, 1));
