-- Erasing a profile finds its outbox rows (to clear their payloads) without reading the whole outbox.
CREATE INDEX IF NOT EXISTS outbox_profile ON outbox (profile_kind, profile_id);
