-- Name search at the start of words, through a B-tree instead of the trigram index.
-- A query is matched where a word of the folded name, full name, English name or code begins
-- ("mong cai" finds "Thành phố Móng Cái", "thap cham" finds "Phan Rang-Tháp Chàm", "2620" finds
-- code 26200), and no longer in the middle of a word ("an" no longer finds every "Tân" and "Xuân").
-- Each version keeps one key per word start: the folded text from that word on, cut to 48
-- characters. A query is then a range scan of one index, however common its words are; the
-- trigram index needed to intersect the long posting lists of common syllables, which cost a
-- synthetic million units half a second (docs/BENCHMARKS.md).

-- the keys of a folded text: from each start of a run of letters or digits, at most 48 characters
CREATE FUNCTION name_keys(t text) RETURNS SETOF text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
    SELECT DISTINCT left(substr(t, regexp_instr(t, '[[:alnum:]]+', 1, i)), 48)
    FROM generate_series(1, regexp_count(t, '[[:alnum:]]+')) AS i
$$;

CREATE TABLE org_unit_name_key (
    key        text COLLATE "C" NOT NULL,
    version_id bigint NOT NULL,
    PRIMARY KEY (key, version_id)
);

-- kept by statement triggers: a version's keys are computed again from the text it had, so a
-- removed or renamed version loses exactly its own keys through the primary key
CREATE FUNCTION name_keys_insert() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO org_unit_name_key (key, version_id)
    SELECT k, n.id FROM new_rows n, name_keys(n.search_text) AS k
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE FUNCTION name_keys_delete() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM org_unit_name_key nk
    USING old_rows o, name_keys(o.search_text) AS k
    WHERE nk.key = k AND nk.version_id = o.id;
    RETURN NULL;
END $$;

CREATE FUNCTION name_keys_update() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM org_unit_name_key nk
    USING old_rows o JOIN new_rows n ON n.id = o.id, name_keys(o.search_text) AS k
    WHERE o.search_text IS DISTINCT FROM n.search_text AND nk.key = k AND nk.version_id = o.id;
    INSERT INTO org_unit_name_key (key, version_id)
    SELECT k, n.id FROM old_rows o JOIN new_rows n ON n.id = o.id, name_keys(n.search_text) AS k
    WHERE o.search_text IS DISTINCT FROM n.search_text
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE TRIGGER name_keys_insert AFTER INSERT ON org_unit_version
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION name_keys_insert();
CREATE TRIGGER name_keys_delete AFTER DELETE ON org_unit_version
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION name_keys_delete();
CREATE TRIGGER name_keys_update AFTER UPDATE ON org_unit_version
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION name_keys_update();

INSERT INTO org_unit_name_key (key, version_id)
SELECT k, v.id FROM org_unit_version v, name_keys(v.search_text) AS k
ON CONFLICT DO NOTHING;

-- the name search no longer reads it (the benchmark's baseline scans search_text without an index)
DROP INDEX org_unit_version_search;
ANALYZE org_unit_name_key;
