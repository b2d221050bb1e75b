-- Roll-ups of indicator values as one GROUP BY (issue 6, the 10-million-value benchmark): where
-- each unit's figures are placed in each view, flattened to one row per (unit, ancestor), the way
-- DHIS2 flattens its hierarchy, made temporal and carried through the succession. Both tables are
-- derived from the registry and rebuilt by the application (RollUpPlaces) when it has changed.

-- As it was: a value of the unit for a period whose last day falls in `during` sits in this
-- version's path; `during` runs from the version's start to the next version's start, and the
-- last version of a unit that ended runs on (a unit that ended during a period is read in its last
-- version). One row per ancestor in the path, the unit itself included.
CREATE TABLE indicator_was_place (
    unit_id       bigint    NOT NULL,
    during        daterange NOT NULL,
    ancestor_id   bigint    NOT NULL,
    depth         int       NOT NULL,   -- 1: the root of the tree (a province)
    ancestor_path ltree     NOT NULL    -- the ancestor's own path then, for subtree filters
);
-- the roll-up's join from a value: its unit, then the version whose `during` holds the period's end
CREATE INDEX indicator_was_place_unit ON indicator_was_place (unit_id) INCLUDE (during, ancestor_id, depth);

-- As it is now: where a figure of the unit lands among the units standing on the day it was built
-- for, through the succession (Apportioning): itself when it stands, else each part (a standing
-- unit), and each ancestor of that unit today. The part's piece of a value v is
-- round(v * cut_to, 6) - round(v * cut_from, 6), with cut_to null for the part that takes the rest
-- (the parts of one value then add up to it exactly); exact is false when a partial share led there.
CREATE TABLE indicator_now_place (
    unit_id       bigint  NOT NULL,
    standing_id   bigint  NOT NULL,
    ancestor_id   bigint  NOT NULL,
    depth         int     NOT NULL,   -- 1: a province today
    ancestor_path ltree   NOT NULL,
    cut_from      numeric NOT NULL,
    cut_to        numeric,
    exact         boolean NOT NULL,
    moved         boolean NOT NULL    -- the unit no longer stands: its figure was carried
);
-- the roll-up's join from a value (a province roll-up reads the rows of depth 1)
CREATE INDEX indicator_now_place_unit ON indicator_now_place (unit_id, depth)
    INCLUDE (ancestor_id, standing_id, cut_from, cut_to, exact, moved);

-- When the two tables were built: for which day (as it is now), until which day that holds (the
-- next start or end of a version after it), and whether the registry changed since (set by the
-- triggers below, in the changing transaction, whoever writes: the import, ApparatusChanges...).
-- One row, written by the first registry change or rebuild (none in an empty database, which a
-- restore requires to be empty); no row reads as stale.
CREATE TABLE indicator_place_state (
    id         boolean PRIMARY KEY DEFAULT true CHECK (id),
    built_for  date,
    good_until date,
    stale      boolean NOT NULL DEFAULT true
);

CREATE FUNCTION indicator_places_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- always, not only when not yet stale: the row lock orders this change after a rebuild running
    -- now (which locks the row first), so that the rebuild's "not stale" cannot hide it
    INSERT INTO indicator_place_state (id, stale) VALUES (true, true)
        ON CONFLICT (id) DO UPDATE SET stale = true;
    RETURN NULL;
END
$$;
CREATE TRIGGER org_unit_version_indicator_places AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON org_unit_version FOR EACH STATEMENT EXECUTE FUNCTION indicator_places_stale();
CREATE TRIGGER org_succession_indicator_places AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON org_succession FOR EACH STATEMENT EXECUTE FUNCTION indicator_places_stale();

-- The piece of a value that lands at one part (see indicator_now_place); inlined by the planner.
CREATE FUNCTION indicator_piece(v numeric, cut_from numeric, cut_to numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE WHEN cut_from = 0 AND cut_to IS NULL THEN v
            WHEN cut_to IS NULL THEN v - round(v * cut_from, 6)
            ELSE round(v * cut_to, 6) - round(v * cut_from, 6) END
$$;

-- The roll-up reads the current values of one indicator and period range, and the weight of the
-- same unit and period, index-only (this replaces indicator_value_periods, which lacked the state).
DROP INDEX indicator_value_periods;
CREATE INDEX indicator_value_rollup ON indicator_value (indicator_id, period_start, unit_id)
    INCLUDE (value, state, period_end) WHERE superseded_by IS NULL;
