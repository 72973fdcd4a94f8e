-- A credit note for money given back on part of a sale (a refund) names
-- the refund; a credit note without one takes the whole sale back (a
-- cancellation, or a sale issued again with a buyer's PIN).
ALTER TABLE tax_invoices ADD COLUMN refund_id TEXT;

-- One whole credit note per invoice still; a sale may have several for
-- refunds, one per refund.
DROP INDEX tax_invoices_credited;
CREATE UNIQUE INDEX tax_invoices_credited ON tax_invoices (original)
    WHERE original IS NOT NULL AND refund_id IS NULL;
CREATE UNIQUE INDEX tax_invoices_refund ON tax_invoices (refund_id) WHERE refund_id IS NOT NULL;
