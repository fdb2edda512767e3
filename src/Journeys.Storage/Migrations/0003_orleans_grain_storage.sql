-- Grain state for the AdoNet grain storage provider. The provider reads each statement below
-- from orleansquery by key, binds @-parameters by name and reads result columns by name.
--
-- A state row is identified by service, grain type and grain key. The provider splits the
-- key into two numbers and an optional string (long and Guid keys use the numbers, string
-- keys and key extensions the string) and also passes hashes of the key and the type.
-- "version" is the ETag: a write or clear must name the version it read (none for a first
-- write) and gets the next one back; when nothing matched the statement returns the version
-- the caller sent (or nothing), which the provider turns into an InconsistentStateException.

CREATE TABLE IF NOT EXISTS orleans_grain_state
(
    service_id         varchar(150) NOT NULL,
    grain_type         text         NOT NULL,
    grain_type_hash    integer      NOT NULL,
    grain_id_hash      integer      NOT NULL,
    grain_id_n0        bigint       NOT NULL,
    grain_id_n1        bigint       NOT NULL,
    grain_id_extension text         NULL,
    payload            bytea        NULL, -- NULL once cleared; the row keeps the version chain
    version            integer      NOT NULL,
    modified_at        timestamptz  NOT NULL DEFAULT now()
);

-- One row per grain, so two activations racing on a first write cannot both insert. The
-- extension is nullable and NULL differs from an empty string, hence the two expressions.
CREATE UNIQUE INDEX IF NOT EXISTS orleans_grain_state_identity ON orleans_grain_state
(
    grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1,
    (grain_id_extension IS NULL), (coalesce(grain_id_extension, ''))
);

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', '
    SELECT payload AS "PayloadBinary", version AS "Version"
    FROM orleans_grain_state
    WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
      AND service_id = @ServiceId AND grain_type = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
'),
('WriteToStorageKey', '
    WITH updated AS (
        UPDATE orleans_grain_state
        SET payload = @PayloadBinary, version = version + 1, modified_at = now()
        WHERE @GrainStateVersion IS NOT NULL
          AND grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
          AND service_id = @ServiceId AND grain_type = @GrainTypeString
          AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
          AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
          AND version = @GrainStateVersion
        RETURNING version),
    inserted AS (
        INSERT INTO orleans_grain_state
            (service_id, grain_type, grain_type_hash, grain_id_hash,
             grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
        SELECT @ServiceId, @GrainTypeString, @GrainTypeHash, @GrainIdHash,
               @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @PayloadBinary, 1
        WHERE @GrainStateVersion IS NULL
        ON CONFLICT DO NOTHING
        RETURNING version)
    SELECT coalesce((SELECT version FROM updated), (SELECT version FROM inserted), @GrainStateVersion)
        AS "NewGrainStateVersion"
'),
('ClearStorageKey', '
    UPDATE orleans_grain_state
    SET payload = NULL, version = version + 1, modified_at = now()
    WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
      AND service_id = @ServiceId AND grain_type = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version AS "NewGrainStateVersion"
'),
('DeleteStorageKey', '
    DELETE FROM orleans_grain_state
    WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
      AND service_id = @ServiceId AND grain_type = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version + 1 AS "NewGrainStateVersion"
')
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
