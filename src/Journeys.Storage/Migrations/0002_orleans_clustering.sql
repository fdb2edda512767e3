-- Membership of the Orleans cluster, for the AdoNet clustering provider (silos and clients).
-- The provider reads each statement below from orleansquery by key, binds @-parameters by
-- name and reads result columns by name, so the aliases in double quotes are its contract.
--
-- One version row per deployment (ClusterId) is the table's ETag: every insert or update of
-- a member must name the version it read and bumps it, so of two silos racing on a stale
-- view only one wins. Locking that row first serialises the writers of one deployment.
-- Deleting a deployment's version row removes its members too (ON DELETE CASCADE).
--
-- Clean-up of defunct silos (hourly): when CleanupDefunctSiloEntryKey is present the provider
-- reads the table and deletes each Dead row (status 6) that is older than the cut-off, naming
-- the values it read, so a row that changed in between stays. Without it the provider runs
-- CleanupDefunctSiloEntriesKey, which removes every stale row but Active ones (status 3).

CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id varchar(150) NOT NULL PRIMARY KEY,
    version       integer      NOT NULL DEFAULT 0,
    changed_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS orleans_membership
(
    deployment_id   varchar(150) NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         varchar(45)  NOT NULL,
    port            integer      NOT NULL,
    generation      integer      NOT NULL,
    silo_name       text         NOT NULL,
    host_name       text         NOT NULL,
    status          integer      NOT NULL,
    proxy_port      integer      NULL,
    suspect_times   text         NULL,
    start_time      timestamptz  NOT NULL,
    i_am_alive_time timestamptz  NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey', '
    WITH created AS (
        INSERT INTO orleans_membership_version (deployment_id)
        VALUES (@DeploymentId)
        ON CONFLICT (deployment_id) DO NOTHING
        RETURNING deployment_id)
    SELECT EXISTS (SELECT 1 FROM created) AS "Created"
'),
('InsertMembershipKey', '
    WITH next_version AS (
        UPDATE orleans_membership_version
        SET version = version + 1, changed_at = now()
        WHERE deployment_id = @DeploymentId
          AND version = @Version
          AND NOT EXISTS (
              SELECT 1 FROM orleans_membership
              WHERE deployment_id = @DeploymentId AND address = @Address
                AND port = @Port AND generation = @Generation)
        RETURNING deployment_id),
    inserted AS (
        INSERT INTO orleans_membership
            (deployment_id, address, port, generation, silo_name, host_name,
             status, proxy_port, start_time, i_am_alive_time)
        SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName,
               @Status, @ProxyPort, @StartTime, @IAmAliveTime
        FROM next_version
        ON CONFLICT DO NOTHING
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM inserted) AS "Inserted"
'),
('UpdateMembershipKey', '
    WITH next_version AS (
        UPDATE orleans_membership_version
        SET version = version + 1, changed_at = now()
        WHERE deployment_id = @DeploymentId
          AND version = @Version
          AND EXISTS (
              SELECT 1 FROM orleans_membership
              WHERE deployment_id = @DeploymentId AND address = @Address
                AND port = @Port AND generation = @Generation)
        RETURNING deployment_id),
    updated AS (
        UPDATE orleans_membership AS m
        SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
        FROM next_version AS v
        WHERE m.deployment_id = v.deployment_id AND m.address = @Address
          AND m.port = @Port AND m.generation = @Generation
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM updated) AS "Updated"
'),
('UpdateIAmAlivetimeKey', '
    UPDATE orleans_membership
    SET i_am_alive_time = @IAmAliveTime
    WHERE deployment_id = @DeploymentId AND address = @Address
      AND port = @Port AND generation = @Generation
'),
('MembershipReadRowKey', '
    SELECT v.version AS "Version",
           m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
           m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
           m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
           m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
    FROM orleans_membership_version AS v
    LEFT JOIN orleans_membership AS m
        ON m.deployment_id = v.deployment_id AND m.address = @Address
       AND m.port = @Port AND m.generation = @Generation
    WHERE v.deployment_id = @DeploymentId
'),
('MembershipReadAllKey', '
    SELECT v.version AS "Version",
           m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
           m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
           m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
           m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
    FROM orleans_membership_version AS v
    LEFT JOIN orleans_membership AS m ON m.deployment_id = v.deployment_id
    WHERE v.deployment_id = @DeploymentId
'),
('GatewaysQueryKey', '
    SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
    FROM orleans_membership
    WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
'),
('DeleteMembershipTableEntriesKey', '
    DELETE FROM orleans_membership_version
    WHERE deployment_id = @DeploymentId
'),
('CleanupDefunctSiloEntriesKey', '
    DELETE FROM orleans_membership
    WHERE deployment_id = @DeploymentId
      AND i_am_alive_time < @IAmAliveTime
      AND status <> 3
'),
('CleanupDefunctSiloEntryKey', '
    DELETE FROM orleans_membership
    WHERE deployment_id = @DeploymentId AND address = @Address
      AND port = @Port AND generation = @Generation
      AND status = 6
      AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
      AND coalesce(suspect_times, '''') = coalesce(@SuspectTimes, '''')
')
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
