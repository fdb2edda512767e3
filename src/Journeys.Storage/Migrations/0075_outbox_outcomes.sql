-- What became of a journey's messages after they were sent: the first open (pixel), click and
-- unsubscribe of each outbox row, stamped by the gateway that records the tracked event (the events
-- themselves are in the journal). Stamps are idempotent: a pixel loaded twice keeps the first time.
ALTER TABLE outbox
    ADD COLUMN IF NOT EXISTS opened_at       timestamptz,
    ADD COLUMN IF NOT EXISTS clicked_at      timestamptz,
    ADD COLUMN IF NOT EXISTS unsubscribed_at timestamptz;

-- The results page sums one journey's rows by node and outcome: an index range, not a table scan.
CREATE INDEX IF NOT EXISTS outbox_journey_outcomes ON outbox (journey_id, node_id, status);
