-- Reminders for the AdoNet reminder provider. The provider reads each statement below from
-- orleansquery by key, binds @-parameters by name and reads result columns by name.
--
-- "version" is the row's ETag (0 when created, +1 per upsert); a delete must name it.
-- grain_hash is the grain's uniform hash stored as a signed integer: each silo reads the
-- reminders of its ring range (begin, end]. The provider picks ReadRangeRows1Key when
-- begin < end as signed integers and ReadRangeRows2Key (the range wraps) otherwise.

CREATE TABLE IF NOT EXISTS orleans_reminders
(
    service_id    varchar(150) NOT NULL,
    grain_id      text         NOT NULL,
    reminder_name text         NOT NULL,
    start_time    timestamptz  NOT NULL,
    period_ms     bigint       NOT NULL,
    grain_hash    integer      NOT NULL,
    version       integer      NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS orleans_reminders_by_hash ON orleans_reminders (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES
('UpsertReminderRowKey', '
    INSERT INTO orleans_reminders
        (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
    SET start_time = EXCLUDED.start_time, period_ms = EXCLUDED.period_ms,
        grain_hash = EXCLUDED.grain_hash, version = orleans_reminders.version + 1
    RETURNING version AS "Version"
'),
('ReadReminderRowKey', '
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period_ms AS "Period", version AS "Version"
    FROM orleans_reminders
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
'),
('ReadReminderRowsKey', '
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period_ms AS "Period", version AS "Version"
    FROM orleans_reminders
    WHERE service_id = @ServiceId AND grain_id = @GrainId
'),
('ReadRangeRows1Key', '
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period_ms AS "Period", version AS "Version"
    FROM orleans_reminders
    WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
'),
('ReadRangeRows2Key', '
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period_ms AS "Period", version AS "Version"
    FROM orleans_reminders
    WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
'),
('DeleteReminderRowKey', '
    WITH deleted AS (
        DELETE FROM orleans_reminders
        WHERE service_id = @ServiceId AND grain_id = @GrainId
          AND reminder_name = @ReminderName AND version = @Version
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM deleted) AS "Deleted"
'),
('DeleteReminderRowsKey', '
    DELETE FROM orleans_reminders
    WHERE service_id = @ServiceId
')
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
