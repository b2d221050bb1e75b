-- Typo tolerance by spelling correction instead of trigram similarity over every version.
-- Names are made of a small vocabulary (some 12,000 distinct words in the whole real registry),
-- so a mistyped word is corrected against that vocabulary (edit distance), and the corrected
-- phrases are then searched literally through the trigram index of search_text. The pairs of
-- adjacent words keep only corrections that occur together in some name. Both tables only grow:
-- a word no name uses any more costs nothing but a useless candidate.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

CREATE TABLE name_word (
    word text PRIMARY KEY
);
CREATE INDEX name_word_length ON name_word (length(word));

CREATE TABLE name_pair (
    first  text NOT NULL,
    second text NOT NULL,
    PRIMARY KEY (first, second)
);

CREATE FUNCTION name_words_collect() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO name_word (word)
    SELECT DISTINCT w
    FROM new_rows, regexp_split_to_table(new_rows.search_text, '\s+') AS w
    WHERE w <> ''
    ON CONFLICT DO NOTHING;
    INSERT INTO name_pair (first, second)
    SELECT DISTINCT t.words[i], t.words[i + 1]
    FROM (SELECT regexp_split_to_array(btrim(search_text), '\s+') AS words FROM new_rows) t,
         generate_series(1, cardinality(t.words) - 1) AS i
    WHERE t.words[i] <> '' AND t.words[i + 1] <> ''
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE TRIGGER name_words_insert AFTER INSERT ON org_unit_version
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION name_words_collect();
CREATE TRIGGER name_words_update AFTER UPDATE ON org_unit_version
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION name_words_collect();

-- the words of what is already there
INSERT INTO name_word (word)
SELECT DISTINCT w FROM org_unit_version, regexp_split_to_table(search_text, '\s+') AS w WHERE w <> ''
ON CONFLICT DO NOTHING;
INSERT INTO name_pair (first, second)
SELECT DISTINCT t.words[i], t.words[i + 1]
FROM (SELECT regexp_split_to_array(btrim(search_text), '\s+') AS words FROM org_unit_version) t,
     generate_series(1, cardinality(t.words) - 1) AS i
WHERE t.words[i] <> '' AND t.words[i + 1] <> ''
ON CONFLICT DO NOTHING;

-- the trigram indexes of V3 served the similarity search this replaces
DROP INDEX org_unit_version_name_trgm;
DROP INDEX org_unit_version_full_name_trgm;
ANALYZE name_word;
ANALYZE name_pair;
