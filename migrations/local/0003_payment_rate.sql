-- Counting M-Pesa prompts per phone in the last hour (at most 3 by default).
CREATE INDEX payments_phone_recent ON payments (phone, created_at);
