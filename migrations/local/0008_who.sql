-- Who did staff actions on chats and payments, by the name the till shows
-- (the signed-in person's, as `order_events.actor` already records for
-- order changes). Names, not ids: they are what a merchant reviewing a
-- chat or an order reads. Local to this till, like the order history.

-- The staff member who typed a reply (`author = 'staff'`); NULL otherwise.
ALTER TABLE messages ADD COLUMN staff_name TEXT;

-- Who last took the chat over from the bot (the Take over button, or a
-- reply, which pauses the bot too), and who last handed it back.
ALTER TABLE conversations ADD COLUMN taken_over_by TEXT;
ALTER TABLE conversations ADD COLUMN handed_back_by TEXT;

-- Who settled an M-Pesa attempt that had no final answer ("Money arrived"
-- or "Not paid"); NULL when the provider answered.
ALTER TABLE payments ADD COLUMN settled_by TEXT;
