-- Conversions behind a holdout, split by group: converted_treatment + converted_control <= converted
-- (a conversion before the instance reached any holdout is in neither), so lift can be measured.
ALTER TABLE journey_node_stats
    ADD COLUMN IF NOT EXISTS converted_treatment bigint NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS converted_control   bigint NOT NULL DEFAULT 0;
