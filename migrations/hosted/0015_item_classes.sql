-- Schema 6: an item may carry its own KRA item classification code
-- (`tax_class` in its body). A till of schema 5 does not know the field
-- and would drop it when it edits the item, so the item's invoices would
-- be registered under the shop's classification; the server tells it to
-- update before it syncs again. The body is stored as the till sent it:
-- no table changes.

CREATE OR REPLACE FUNCTION hosted_schema_version() RETURNS integer
    LANGUAGE sql IMMUTABLE AS $$ SELECT 6 $$;
