-- Conversions by group (treatment/control/noGroup) are kept once: as 'converted' rows of
-- journey_node_outcomes. The columns 0021 added held the same split a second time.
ALTER TABLE journey_node_stats
    DROP COLUMN IF EXISTS converted_treatment,
    DROP COLUMN IF EXISTS converted_control;
