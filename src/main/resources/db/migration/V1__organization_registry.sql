-- The organization registry: units whose identity outlives their names, codes and parents.
-- Time model: every fact is valid for a half-open date range [from, to); an open lower bound
-- means "since before Mandate's records begin", an open upper bound means "still valid".

CREATE EXTENSION IF NOT EXISTS ltree;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- Folds Vietnamese text for search: lower case, no tone marks, đ -> d. unaccent() is only STABLE
-- because its dictionary could change; naming the dictionary makes the result fixed, so the
-- wrapper may be IMMUTABLE and used in generated columns and indexes.
CREATE FUNCTION fold_text(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(public.unaccent('public.unaccent'::regdictionary, t));

CREATE TABLE org_unit (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hierarchy  text        NOT NULL CHECK (hierarchy IN ('locality', 'body')),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE org_unit_version (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id      bigint    NOT NULL REFERENCES org_unit (id),
    valid        daterange NOT NULL CHECK (NOT isempty(valid)),
    code         text      NOT NULL CHECK (code <> ''),
    name         text      NOT NULL CHECK (name <> ''),
    full_name    text      NOT NULL CHECK (full_name <> ''),
    name_en      text,
    full_name_en text,
    level        text      NOT NULL,
    kind         text      NOT NULL,
    parent_id    bigint REFERENCES org_unit (id),
    -- the locality a body belongs to (null for localities themselves)
    locality_id  bigint REFERENCES org_unit (id),
    -- unit ids from the root down to this unit, as they stood during this version
    path         ltree     NOT NULL,
    search_text  text GENERATED ALWAYS AS (fold_text(name || ' ' || full_name || ' ' || coalesce(name_en, '') || ' ' || code)) STORED,
    CONSTRAINT version_not_own_parent CHECK (parent_id IS DISTINCT FROM unit_id),
    -- path ends in the unit itself and contains it once: no unit is its own ancestor
    CONSTRAINT version_path_ends_in_unit CHECK (subpath(path, -1)::text = unit_id::text),
    CONSTRAINT version_path_acyclic CHECK (index(path, text2ltree(unit_id::text)) = nlevel(path) - 1),
    CONSTRAINT version_no_overlap EXCLUDE USING gist (unit_id WITH =, valid WITH &&)
);

-- subtree-as-of-date: path <@ root AND valid @> date, one GiST scan
CREATE INDEX org_unit_version_path_valid ON org_unit_version USING gist (path, valid);
-- children of a parent as of a date
CREATE INDEX org_unit_version_parent ON org_unit_version (parent_id) INCLUDE (valid);
-- code lookup as of a date (codes are reused across time, so not unique on their own)
CREATE INDEX org_unit_version_code ON org_unit_version (code, level);
-- diacritic- and case-insensitive name search with typo tolerance
CREATE INDEX org_unit_version_search ON org_unit_version USING gin (search_text gin_trgm_ops);
-- the whole tree as of a date, by level
CREATE INDEX org_unit_version_level_valid ON org_unit_version USING gist (level, valid);

-- Counts by level over time, kept as deltas on change dates so that "how many communes stood on
-- date D" is a sum over a few hundred rows instead of a scan of every version.
CREATE TABLE org_level_count_delta (
    hierarchy text NOT NULL,
    level     text NOT NULL,
    on_date   date NOT NULL,
    delta     bigint NOT NULL,
    PRIMARY KEY (hierarchy, level, on_date)
);

CREATE FUNCTION org_level_count_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO org_level_count_delta AS d (hierarchy, level, on_date, delta)
        SELECT u.hierarchy, o.level, b.on_date, sum(b.delta)
          FROM old_rows o
          JOIN org_unit u ON u.id = o.unit_id
          CROSS JOIN LATERAL (VALUES (coalesce(lower(o.valid), '-infinity'::date), -1),
                                     (coalesce(upper(o.valid), 'infinity'::date), 1)) AS b(on_date, delta)
         GROUP BY 1, 2, 3
        ON CONFLICT (hierarchy, level, on_date) DO UPDATE SET delta = d.delta + excluded.delta;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO org_level_count_delta AS d (hierarchy, level, on_date, delta)
        SELECT u.hierarchy, n.level, b.on_date, sum(b.delta)
          FROM new_rows n
          JOIN org_unit u ON u.id = n.unit_id
          CROSS JOIN LATERAL (VALUES (coalesce(lower(n.valid), '-infinity'::date), 1),
                                     (coalesce(upper(n.valid), 'infinity'::date), -1)) AS b(on_date, delta)
         GROUP BY 1, 2, 3
        ON CONFLICT (hierarchy, level, on_date) DO UPDATE SET delta = d.delta + excluded.delta;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER org_level_count_insert AFTER INSERT ON org_unit_version
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION org_level_count_apply();
CREATE TRIGGER org_level_count_update AFTER UPDATE ON org_unit_version
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION org_level_count_apply();
CREATE TRIGGER org_level_count_delete AFTER DELETE ON org_unit_version
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION org_level_count_apply();

CREATE TABLE org_event (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind           text   NOT NULL CHECK (kind IN ('establish', 'rename', 'change_kind', 'transfer', 'merge', 'split', 'dissolve')),
    effective_date date   NOT NULL,
    legal_basis    text   NOT NULL CHECK (legal_basis <> ''),
    -- the unit the event is about: the new unit of a merge, the old unit of a split
    subject_id     bigint NOT NULL REFERENCES org_unit (id),
    note           text,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX org_event_subject ON org_event (subject_id, effective_date);

-- old unit -> new unit; 'full' when the whole old unit went into the new one
CREATE TABLE org_succession (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id       bigint  NOT NULL REFERENCES org_event (id),
    predecessor_id bigint  NOT NULL REFERENCES org_unit (id),
    successor_id   bigint  NOT NULL REFERENCES org_unit (id),
    effective_date date    NOT NULL,
    share          text    NOT NULL CHECK (share IN ('full', 'partial')),
    weight         numeric CHECK (weight > 0 AND weight <= 1),
    CHECK (predecessor_id <> successor_id),
    UNIQUE (predecessor_id, successor_id, effective_date)
);
CREATE INDEX org_succession_successor ON org_succession (successor_id);

-- Every run of an import, and every row it could not take as it was (what it decided instead).
CREATE TABLE import_run (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source      text        NOT NULL,
    checksum    text        NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT now(),
    summary     jsonb       NOT NULL DEFAULT '{}'
);
CREATE UNIQUE INDEX import_run_once ON import_run (source, checksum);

CREATE TABLE import_finding (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id   bigint NOT NULL REFERENCES import_run (id),
    file     text   NOT NULL,
    row_no   int    NOT NULL,
    code     text,
    unit     text,
    decision text   NOT NULL,
    raw_row  text   NOT NULL
);

-- Who changed what, when: written in the same transaction as the change.
CREATE TABLE audit_log (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    actor     text        NOT NULL,
    action    text        NOT NULL,
    entity    text        NOT NULL,
    entity_id bigint,
    detail    jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
