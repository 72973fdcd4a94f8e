-- Sales reports read a period's orders by creation time. The index carries
-- the columns the totals need (status, channel, total), so the period's
-- sums, channels and hours come from the index alone.
CREATE INDEX orders_created ON orders (created_at, status, channel, total_minor);

-- How each sale was paid: an order's received payment, found by order.
CREATE INDEX payments_order_succeeded ON payments (order_id, created_at, method)
    WHERE state = 'succeeded';
