-- What each push delivery did on each device of its profile: sent, or failed for good (failure set).
-- A delivery retried after some devices failed for a while is sent only to the devices not listed, so
-- no device gets one journey step twice; FCM has no idempotency key to do this for us.
CREATE TABLE IF NOT EXISTS push_sends
(
    delivery_id text        NOT NULL,
    token       text        NOT NULL,
    failure     text,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (delivery_id, token)
);
