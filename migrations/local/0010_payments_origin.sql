-- Which till started each payment attempt. Only that till asks M-Pesa for
-- the attempt's answer after a restart, and only its own waiting attempts
-- hold back an update; an attempt pulled from another till is watched by
-- that till, and its outcome arrives through sync.
ALTER TABLE payments ADD COLUMN started_here INTEGER NOT NULL DEFAULT 1;
-- Attempts already pulled from other tills (their last version came from
-- another device) were not started here.
UPDATE payments SET started_here = 0 WHERE version_device IS NOT NULL;
