-- Typo-tolerant search compares the query with the folded name and full name only (not the
-- longer search_text with English name and code): fewer trigrams per row, so the trigram index
-- returns far fewer candidates and similarity is more selective than word similarity.
ALTER TABLE org_unit_version
    ADD COLUMN name_folded text GENERATED ALWAYS AS (fold_text(name)) STORED,
    ADD COLUMN full_name_folded text GENERATED ALWAYS AS (fold_text(full_name)) STORED;
CREATE INDEX org_unit_version_name_trgm ON org_unit_version USING gin (name_folded gin_trgm_ops);
CREATE INDEX org_unit_version_full_name_trgm ON org_unit_version USING gin (full_name_folded gin_trgm_ops);
ANALYZE org_unit_version;
