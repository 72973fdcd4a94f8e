-- Customer erasure: once a customer's row carries `erased_at`, their
-- personal data is gone from the hosted database too, and stays gone.
--
-- - The customers upsert rule (in the till) never lets a version without
--   `erased_at` replace an erased row; the trigger below enforces the same
--   here for any writer.
-- - Orders and payments of an erased customer are scrubbed as they are
--   written, whichever till wrote them and whatever their status rank, and
--   the rows already here are scrubbed when the erasure arrives.

CREATE OR REPLACE FUNCTION hosted_schema_version() RETURNS integer
    LANGUAGE sql IMMUTABLE AS $$ SELECT 2 $$;

-- An order's body without the customer's phone, name, note or delivery
-- address; lines, totals, status and times stay (tax records).
CREATE FUNCTION scrub_order_body(b jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN jsonb_typeof(x->'fulfilment') = 'object' AND (x->'fulfilment') ? 'Delivery'
                THEN jsonb_set(x, '{fulfilment,Delivery,address}', '""'::jsonb)
                ELSE x END
    FROM (SELECT b || '{"customer_phone": null, "customer_name": null, "note": ""}'::jsonb AS x) s
$$;

CREATE FUNCTION customer_is_erased(shop uuid, customer text) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM customers c
                   WHERE c.shop_id = shop AND c.id::text = customer
                     AND c.body->>'erased_at' IS NOT NULL)
$$;

CREATE FUNCTION keep_customer_erased() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.body->>'erased_at' IS NOT NULL AND NEW.body->>'erased_at' IS NULL THEN
        NEW.body := OLD.body;
        NEW.version_at := OLD.version_at;
        NEW.version_device := OLD.version_device;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER erased_stays BEFORE UPDATE ON customers
    FOR EACH ROW EXECUTE FUNCTION keep_customer_erased();

CREATE FUNCTION scrub_erased_order() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF customer_is_erased(NEW.shop_id, NEW.body->>'customer_id') THEN
        NEW.body := scrub_order_body(NEW.body);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER erased_scrub BEFORE INSERT OR UPDATE ON orders
    FOR EACH ROW EXECUTE FUNCTION scrub_erased_order();

CREATE FUNCTION scrub_erased_payment() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.body->>'phone' IS NOT NULL AND EXISTS (
        SELECT 1 FROM orders o
        WHERE o.shop_id = NEW.shop_id AND o.id::text = NEW.body->>'order_id'
          AND customer_is_erased(o.shop_id, o.body->>'customer_id')) THEN
        NEW.body := jsonb_set(NEW.body, '{phone}', 'null'::jsonb);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER erased_scrub BEFORE INSERT OR UPDATE ON payments
    FOR EACH ROW EXECUTE FUNCTION scrub_erased_payment();

-- When the erasure arrives, the rows already here lose the personal data.
CREATE FUNCTION erase_customer_rows() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.body->>'erased_at' IS NOT NULL
       AND (TG_OP = 'INSERT' OR OLD.body->>'erased_at' IS NULL) THEN
        UPDATE orders SET body = scrub_order_body(body)
        WHERE shop_id = NEW.shop_id AND body->>'customer_id' = NEW.id::text;
        UPDATE payments p SET body = jsonb_set(p.body, '{phone}', 'null'::jsonb)
        FROM orders o
        WHERE p.shop_id = NEW.shop_id AND o.shop_id = NEW.shop_id
          AND o.id::text = p.body->>'order_id' AND o.body->>'customer_id' = NEW.id::text
          AND p.body->>'phone' IS NOT NULL;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER erased_rows AFTER INSERT OR UPDATE ON customers
    FOR EACH ROW EXECUTE FUNCTION erase_customer_rows();

REVOKE ALL ON FUNCTION scrub_order_body(jsonb), customer_is_erased(uuid, text),
    keep_customer_erased(), scrub_erased_order(), scrub_erased_payment(), erase_customer_rows()
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION scrub_order_body(jsonb), customer_is_erased(uuid, text)
    TO dukadesk_device;
