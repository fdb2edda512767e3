-- Journey counters broken down by what happened at a node: which exit was taken (the transitions
-- of the graph), why an action was suppressed, how an instance finished, and which group
-- (treatment/control) a conversion belongs to. Summed by the silos' stats buffers in batches,
-- next to journey_node_stats.
CREATE TABLE IF NOT EXISTS journey_node_outcomes
(
    journey_id text        NOT NULL,
    version    integer     NOT NULL,
    node_id    text        NOT NULL,
    counter    text        NOT NULL,
    outcome    text        NOT NULL,
    count      bigint      NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (journey_id, version, node_id, counter, outcome)
);
