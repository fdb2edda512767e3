-- The durable event journal: an event is acknowledged to its sender only after its row
-- commits here. message_id is the sender's idempotency key.
CREATE TABLE IF NOT EXISTS journal
(
    position     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id   text        NOT NULL,
    partition    smallint    NOT NULL,
    profile_kind text        NOT NULL,
    profile_id   text        NOT NULL,
    type         text        NOT NULL,
    event        text,
    occurred_at  timestamptz NOT NULL,
    received_at  timestamptz NOT NULL,
    payload      jsonb       NOT NULL,
    -- Readers only take rows whose writing transaction is older than every running one, so a
    -- row that commits late with a smaller position is never skipped.
    txid         xid8        NOT NULL DEFAULT pg_current_xact_id(),
    CONSTRAINT journal_message_id UNIQUE (message_id)
);

CREATE INDEX IF NOT EXISTS journal_partition_position ON journal (partition, position);
CREATE INDEX IF NOT EXISTS journal_profile ON journal (profile_kind, profile_id, position);

-- How far each partition's reader has delivered events to profiles whose state is saved.
CREATE TABLE IF NOT EXISTS journal_checkpoint
(
    partition smallint PRIMARY KEY,
    position  bigint      NOT NULL,
    saved_at  timestamptz NOT NULL DEFAULT now()
);
