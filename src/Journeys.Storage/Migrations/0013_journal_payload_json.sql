-- Payloads are written once, read back as text and never queried inside: json keeps the text as
-- sent (checked, not converted), so neither the group commit nor the partition reads pay for
-- jsonb's parse and re-render on the hot path.
ALTER TABLE journal ALTER COLUMN payload TYPE json USING payload::json;
