-- Which goods a reseller's commission is earned on
-- (`dukadesk_domain::resellers::AppliesTo::value`): NULL for everything,
-- `category:<id>` or `item:<id>`.
ALTER TABLE resellers ADD COLUMN applies_to TEXT;
