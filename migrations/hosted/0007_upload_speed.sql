-- Uploads at the speed of the rows, not of the rows already there.
--
-- 1. An order's lines went into `order_items` by a row trigger: one INSERT,
--    with its own row-level security check of the shop, per order. A
--    statement trigger with the inserted orders as a transition table
--    writes every line of an upload's orders in one INSERT.
-- 2. Looking up a customer's erasure compared `id::text` with the order's
--    customer id, which no index serves: every order uploaded read the
--    shop's customers. It now compares uuids on the primary key (a
--    customer id that is not a uuid names nobody).
-- 3. The same for a payment's order (`order_id` is a uuid, or the payment
--    is refused by its generated column anyway), and an erasure's scrub of
--    a customer's orders and payments uses indexes on the customer and the
--    order instead of reading every order of the shop.
--
-- Measured against the superuser's COPY in `cargo bench -p
-- dukadesk-server --bench sync`. Tills see no change.

DROP TRIGGER orders_items ON orders;
CREATE OR REPLACE FUNCTION write_order_items() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    INSERT INTO public.order_items (shop_id, order_id, position, item_id, name, unit_price_minor, qty)
    SELECT n.shop_id, n.id, (l.ord - 1)::pg_catalog.int4, (l.line->>'item_id')::pg_catalog.uuid,
           l.line->>'name', (l.line->'unit_price'->>'minor')::pg_catalog.int8,
           (l.line->>'qty')::pg_catalog.int4
    FROM inserted n,
         pg_catalog.jsonb_array_elements(n.body->'lines') WITH ORDINALITY AS l(line, ord)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER orders_items AFTER INSERT ON orders REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION write_order_items();

CREATE OR REPLACE FUNCTION customer_is_erased(shop uuid, customer text) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT CASE WHEN customer ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
           THEN EXISTS (SELECT 1 FROM public.customers c
                        WHERE c.shop_id = shop AND c.id = customer::pg_catalog.uuid
                          AND (c.body->>'erased_at') IS NOT NULL)
           ELSE false END
$$;

CREATE OR REPLACE FUNCTION scrub_erased_payment() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NEW.body->>'phone' IS NOT NULL AND EXISTS (
        SELECT 1 FROM public.orders o
        WHERE o.shop_id = NEW.shop_id AND o.id = (NEW.body->>'order_id')::pg_catalog.uuid
          AND public.customer_is_erased(o.shop_id, o.body->>'customer_id')) THEN
        NEW.body := pg_catalog.jsonb_set(NEW.body, '{phone}', 'null'::pg_catalog.jsonb);
    END IF;
    RETURN NEW;
END
$$;

CREATE INDEX orders_customer ON orders (shop_id, (body->>'customer_id'))
    WHERE body->>'customer_id' IS NOT NULL;
CREATE INDEX payments_order ON payments (shop_id, order_id);

CREATE OR REPLACE FUNCTION erase_customer_rows() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NEW.body->>'erased_at' IS NOT NULL
       AND (TG_OP = 'INSERT' OR OLD.body->>'erased_at' IS NULL) THEN
        UPDATE public.orders SET body = public.scrub_order_body(body)
        WHERE shop_id = NEW.shop_id AND body->>'customer_id' = NEW.id::pg_catalog.text;
        UPDATE public.payments p
        SET body = pg_catalog.jsonb_set(p.body, '{phone}', 'null'::pg_catalog.jsonb)
        FROM public.orders o
        WHERE p.shop_id = NEW.shop_id AND o.shop_id = NEW.shop_id
          AND p.order_id = o.id AND o.body->>'customer_id' = NEW.id::pg_catalog.text
          AND p.body->>'phone' IS NOT NULL;
    END IF;
    RETURN NULL;
END
$$;
