-- The due index of waiting profiles: when a profile's next journey step falls due, written by the
-- same grouped statement as its state, so the index never disagrees with a saved profile. The
-- scanner of each journal partition reads its rows that are due (in pages, earliest first) and
-- wakes those profiles; Orleans reminders, one row and one in-memory timer per waiting profile,
-- are no longer used for journeys. Only waiting profiles are in the partial index.
ALTER TABLE profile_state ADD COLUMN IF NOT EXISTS due_at timestamptz;
ALTER TABLE profile_state ADD COLUMN IF NOT EXISTS due_partition integer;
CREATE INDEX IF NOT EXISTS profile_state_due ON profile_state (service_id, due_partition, due_at, grain_id) WHERE due_at IS NOT NULL;
