-- Per-node journey counters, summed by the silos' stats buffers in batches. waiting is a gauge
-- kept as a sum of +1/-1 deltas (entering and leaving a wait).
CREATE TABLE IF NOT EXISTS journey_node_stats
(
    journey_id text        NOT NULL,
    version    integer     NOT NULL,
    node_id    text        NOT NULL,
    entered    bigint      NOT NULL DEFAULT 0,
    passed     bigint      NOT NULL DEFAULT 0,
    exited     bigint      NOT NULL DEFAULT 0,
    converted  bigint      NOT NULL DEFAULT 0,
    suppressed bigint      NOT NULL DEFAULT 0,
    waiting    bigint      NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (journey_id, version, node_id)
);
