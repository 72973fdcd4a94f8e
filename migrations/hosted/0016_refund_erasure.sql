-- Erasure reaches refunds. A refund names its order by id, but its reason
-- is what staff typed ("Amina brought the maize back") and may name the
-- customer. So, as the tills do (`dukadesk_domain::refund::ERASED_REASON`,
-- the same mark):
--
-- 1. A refund arriving for an order of an erased customer (given at a till
--    that had not heard of the erasure yet) is stored with its reason
--    replaced.
-- 2. When the erasure arrives, the refunds already here lose their reason.
--
-- Refunds stay insert-only for the server's login: the second step is a
-- trigger function owned by `dukadesk_definer`, which may update refunds
-- and does nothing else with that right; a trigger function cannot be
-- called by itself. The stamp moves the refund's change_seq, so a till that
-- joins later pulls the scrubbed version; tills that have the refund keep
-- theirs (insert-only) and scrubbed it themselves when the erasure came.
--
-- No schema change: a till of schema 6 reads the mark as a reason.

CREATE FUNCTION scrub_erased_refund() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM orders o
               WHERE o.shop_id = NEW.shop_id AND o.id = (NEW.body->>'order_id')::uuid
                 AND customer_is_erased(o.shop_id, o.body->>'customer_id')) THEN
        NEW.body := jsonb_set(NEW.body, '{reason}', to_jsonb(U&'\2014'::text));
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER erased_scrub BEFORE INSERT ON refunds
    FOR EACH ROW EXECUTE FUNCTION scrub_erased_refund();

CREATE FUNCTION erase_customer_refunds() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NEW.body->>'erased_at' IS NOT NULL
       AND (TG_OP = 'INSERT' OR OLD.body->>'erased_at' IS NULL) THEN
        UPDATE public.refunds r
        SET body = pg_catalog.jsonb_set(r.body, '{reason}',
                                        pg_catalog.to_jsonb(U&'\2014'::pg_catalog.text))
        FROM public.orders o
        WHERE r.shop_id = NEW.shop_id AND o.shop_id = NEW.shop_id
          AND o.id = r.order_id AND o.body->>'customer_id' = NEW.id::pg_catalog.text
          AND r.body->>'reason' IS DISTINCT FROM U&'\2014';
    END IF;
    RETURN NULL;
END
$$;

GRANT UPDATE ON refunds TO dukadesk_definer;
CREATE POLICY definer_scrub ON refunds FOR UPDATE TO dukadesk_definer
    USING (true) WITH CHECK (true);
GRANT CREATE ON SCHEMA public TO dukadesk_definer;
ALTER FUNCTION erase_customer_refunds() OWNER TO dukadesk_definer;
REVOKE CREATE ON SCHEMA public FROM dukadesk_definer;
REVOKE ALL ON FUNCTION scrub_erased_refund(), erase_customer_refunds() FROM PUBLIC;

CREATE TRIGGER erased_refunds AFTER INSERT OR UPDATE ON customers
    FOR EACH ROW EXECUTE FUNCTION erase_customer_refunds();
