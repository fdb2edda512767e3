-- Profile documents (several KB: timeline, journey history) are rewritten on every save, and
-- PostgreSQL's default pglz compression of them took ~15% of the machine's CPU in the popup
-- benchmark (perf, docs/benchmarks.md). lz4 compresses them several times faster for a similar
-- size. A server built without lz4 keeps pglz: the schema must not depend on a build option.
DO $$
BEGIN
    ALTER TABLE profile_state ALTER COLUMN payload SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'PostgreSQL built without lz4: profile_state.payload keeps pglz';
END
$$;
