-- Profile grain state, written in groups by BatchedGrainStateStore (one statement for many
-- profiles) instead of the AdoNet provider's one statement and transaction per write.
-- version is the optimistic-concurrency ETag; the payload is Orleans' binary serialization.
CREATE TABLE IF NOT EXISTS profile_state
(
    service_id text        NOT NULL,
    grain_id   text        NOT NULL,
    state_name text        NOT NULL,
    version    integer     NOT NULL,
    payload    bytea       NOT NULL,
    saved_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_id, state_name)
);
