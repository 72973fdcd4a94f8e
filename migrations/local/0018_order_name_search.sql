-- Customers' names on orders, found by any part of the name (three letters
-- or more) over the whole history, case and accents aside: a trigram index
-- kept by triggers inside the transaction that writes the order.
-- `order_name_keys` gives each named order a stable integer key (the
-- orders table's own rowid is not kept when the table is rebuilt). The
-- index holds no copy of the names (contentless), and secure-delete takes
-- a name out of it at once when an order's name is erased or changed.
CREATE TABLE order_name_keys (
    key      INTEGER PRIMARY KEY,
    order_id TEXT NOT NULL UNIQUE
) STRICT;

CREATE VIRTUAL TABLE order_names USING fts5(
    name,
    content = '',
    contentless_delete = 1,
    tokenize = 'trigram remove_diacritics 1'
);
INSERT INTO order_names (order_names, rank) VALUES ('secure-delete', 1);

INSERT INTO order_name_keys (order_id)
    SELECT id FROM orders WHERE COALESCE(customer_name, '') != '';
INSERT INTO order_names (rowid, name)
    SELECT k.key, o.customer_name FROM order_name_keys k JOIN orders o ON o.id = k.order_id;

CREATE TRIGGER orders_name_insert AFTER INSERT ON orders
WHEN COALESCE(new.customer_name, '') != ''
BEGIN
    INSERT INTO order_name_keys (order_id) VALUES (new.id);
    INSERT INTO order_names (rowid, name)
        SELECT key, new.customer_name FROM order_name_keys WHERE order_id = new.id;
END;

CREATE TRIGGER orders_name_update AFTER UPDATE OF customer_name ON orders
BEGIN
    DELETE FROM order_names
        WHERE rowid = (SELECT key FROM order_name_keys WHERE order_id = old.id);
    DELETE FROM order_name_keys WHERE order_id = old.id;
    INSERT INTO order_name_keys (order_id)
        SELECT new.id WHERE COALESCE(new.customer_name, '') != '';
    INSERT INTO order_names (rowid, name)
        SELECT key, new.customer_name FROM order_name_keys WHERE order_id = new.id;
END;

CREATE TRIGGER orders_name_delete AFTER DELETE ON orders
BEGIN
    DELETE FROM order_names
        WHERE rowid = (SELECT key FROM order_name_keys WHERE order_id = old.id);
    DELETE FROM order_name_keys WHERE order_id = old.id;
END;
