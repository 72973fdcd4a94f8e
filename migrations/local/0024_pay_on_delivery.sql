-- Orders paid when they are handed over (cash on delivery, or at the
-- counter on collection). Such an order is prepared and sent out before
-- any money; its money and its hand-over are one move. Its money is in
-- only once it is delivered, which every "is it paid" question asks
-- (`dukadesk_domain::order::OrderStatus::money_in`, and in SQL
-- `crate::orders::paid_sql`).
ALTER TABLE orders ADD COLUMN pay_on_delivery INTEGER NOT NULL DEFAULT 0
    CHECK (pay_on_delivery IN (0, 1));

-- The report totals' two rules (0023) learn it: until it is delivered,
-- an order paid on delivery is counted as waiting for payment, and its
-- lines are not sales yet. No such order exists before this migration,
-- so the totals kept so far stand.
DROP VIEW rollup_order_place;
CREATE VIEW rollup_order_place AS
SELECT o.id, o.created_at / 3600000 AS hour,
       CASE WHEN o.pay_on_delivery = 1 AND o.status IN ('paid', 'preparing', 'out_for_delivery')
            THEN 'awaiting_payment' ELSE o.status END AS status,
       o.channel,
       COALESCE((SELECT p.method FROM payments p
                 WHERE p.order_id = o.id AND p.state = 'succeeded'
                 ORDER BY p.created_at, p.id LIMIT 1), '') AS method,
       o.total_minor
FROM orders o;

DROP VIEW rollup_sale_lines;
CREATE VIEW rollup_sale_lines AS
SELECT oi.id, oi.order_id, o.created_at / 3600000 AS hour, oi.item_id, oi.name, oi.qty,
       oi.total_minor
FROM order_items oi JOIN orders o ON o.id = oi.order_id
WHERE o.channel != 'test_chat'
  AND o.status IN ('paid', 'preparing', 'out_for_delivery', 'delivered')
  AND (o.pay_on_delivery = 0 OR o.status = 'delivered');
