-- Messages journeys send, written by profile grains and claimed by the dispatchers of every silo.
-- dedupe_key is the engine's action key (profile, journey version, instance, node visit): one step
-- can never produce two rows. A claim is a lease (lease_owner until lease_until): a dispatcher that
-- dies mid-send loses the row when the lease runs out, and its late writes no longer match the owner.
CREATE TABLE IF NOT EXISTS outbox
(
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dedupe_key   text        NOT NULL UNIQUE,
    profile_kind text        NOT NULL,
    profile_id   text        NOT NULL,
    journey_id   text        NOT NULL,
    version      integer     NOT NULL,
    node_id      text        NOT NULL,
    channel      text        NOT NULL,
    topic        text,
    payload      jsonb       NOT NULL,
    status       text        NOT NULL DEFAULT 'queued',
    attempts     integer     NOT NULL DEFAULT 0,
    due_at       timestamptz NOT NULL,
    lease_owner  text,
    lease_until  timestamptz,
    last_error   text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz
);

-- Only rows still to send are scanned by the dispatchers.
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (due_at) WHERE status IN ('queued', 'retrying');

-- Stored message templates that journey message nodes name by id.
CREATE TABLE IF NOT EXISTS message_templates
(
    id         text        PRIMARY KEY,
    subject    text,
    body       text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Mobile push tokens of a profile, registered by its apps.
CREATE TABLE IF NOT EXISTS devices
(
    profile_kind  text        NOT NULL,
    profile_id    text        NOT NULL,
    token         text        NOT NULL,
    platform      text        NOT NULL,
    registered_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (profile_kind, profile_id, token)
);
