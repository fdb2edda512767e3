-- A message that bounced: stamped by the dispatcher when the receiving server refused the recipient,
-- or by the gateway when an integrator reports a bounce (Message Bounced) of a delivery that had been
-- accepted. The first bounce keeps its time, like the other engagement stamps.
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS bounced_at timestamptz;
