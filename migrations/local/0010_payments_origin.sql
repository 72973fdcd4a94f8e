-- Which till started each payment attempt. Only that till asks M-Pesa for
-- the attempt's answer after a restart, and only its own waiting attempts
-- hold back an update; an attempt pulled from another till is watched by
-- that till, and its outcome arrives through sync.
ALTER TABLE payments ADD COLUMN started_here INTEGER NOT NULL DEFAULT 1;
-- Attempts already pulled from other tills (their last version came from
-- another device) were not started here.
UPDATE payments SET started_here = 0 WHERE version_device IS NOT NULL;

-- Changes pulled from the server that this till could not take (a payment
-- whose order exists nowhere any more, after the server's retention purge),
-- kept with the reason; the pull moves on past them.
CREATE TABLE pull_rejects (
    change_seq INTEGER PRIMARY KEY NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    reason     TEXT NOT NULL,
    at         INTEGER NOT NULL
) STRICT;
