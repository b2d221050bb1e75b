-- Indicators, congress terms, targets and the values units report (issue 6).

-- The first and last day of a period written '2024', '2024-Q3' or '2024-07'. A value's period is
-- checked in Java against its indicator's period type; these keep the dates in step with the text.
CREATE FUNCTION period_first_day(p text) RETURNS date
    LANGUAGE sql IMMUTABLE STRICT AS $$
SELECT CASE WHEN length(p) = 4 THEN make_date(p::int, 1, 1)
            WHEN substr(p, 6, 1) = 'Q' THEN make_date(left(p, 4)::int, substr(p, 7, 1)::int * 3 - 2, 1)
            ELSE make_date(left(p, 4)::int, substr(p, 6, 2)::int, 1) END
$$;

CREATE FUNCTION period_last_day(p text) RETURNS date
    LANGUAGE sql IMMUTABLE STRICT AS $$
SELECT (period_first_day(p)
        + CASE WHEN length(p) = 4 THEN interval '1 year'
               WHEN substr(p, 6, 1) = 'Q' THEN interval '3 months'
               ELSE interval '1 month' END
        - interval '1 day')::date
$$;

CREATE TABLE indicator (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code                text    NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
    name_vi             text    NOT NULL CHECK (name_vi <> ''),
    name_en             text,
    unit_of_measure     text    NOT NULL CHECK (unit_of_measure <> ''),
    direction           text    NOT NULL CHECK (direction IN ('higher', 'lower')),
    period_type         text    NOT NULL CHECK (period_type IN ('year', 'quarter', 'month')),
    rollup              text    NOT NULL CHECK (rollup IN ('sum', 'weighted_average', 'none')),
    -- the values that weigh a weighted average (population, households...), same units and periods
    weight_indicator_id bigint  REFERENCES indicator (id),
    -- the document that defines the indicator or sets it (a resolution, a standard)
    document_id         bigint  REFERENCES document (id),
    created_by          text    NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    CHECK ((rollup = 'weighted_average') = (weight_indicator_id IS NOT NULL)),
    CHECK (weight_indicator_id IS DISTINCT FROM id)
);

-- A congress term: '2020-2025' runs from the start year to the end year.
CREATE TABLE term (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code       text NOT NULL UNIQUE,
    start_year int  NOT NULL,
    end_year   int  NOT NULL,
    CHECK (end_year > start_year),
    CHECK (code = start_year || '-' || end_year)
);

-- What a resolution sets a unit to reach: for the whole term (year null) or for one year of it.
CREATE TABLE target (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    indicator_id bigint  NOT NULL REFERENCES indicator (id),
    unit_id      bigint  NOT NULL REFERENCES org_unit (id),
    term_id      bigint  NOT NULL REFERENCES term (id),
    year         int,
    value        numeric NOT NULL,
    document_id  bigint  REFERENCES document (id),
    created_by   text    NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (indicator_id, unit_id, term_id, year)
);
CREATE INDEX target_unit ON target (unit_id, indicator_id);

-- What a unit reported for a period. A correction inserts a new row and points the old one at it
-- (superseded_by, checked at commit: the old row is marked before the new one is inserted), so
-- every earlier figure stays on record; the current figure of (indicator, unit, period) is the
-- one row not superseded. A value is read under the hierarchy of its period
-- through its unit's versions, and under today's through the succession (see INDICATORS.md).
-- To be partitioned by period_start when it grows (ARCHITECTURE.md).
CREATE TABLE indicator_value (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    indicator_id  bigint  NOT NULL REFERENCES indicator (id),
    unit_id       bigint  NOT NULL REFERENCES org_unit (id),
    period        text    NOT NULL CHECK (period ~ '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$'),
    period_start  date    GENERATED ALWAYS AS (period_first_day(period)) STORED,
    period_end    date    GENERATED ALWAYS AS (period_last_day(period)) STORED,
    value         numeric NOT NULL,
    state         text    NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'approved')),
    note          text,
    entered_by    text    NOT NULL,
    entered_at    timestamptz NOT NULL DEFAULT now(),
    submitted_by  text,
    submitted_at  timestamptz,
    approved_by   text,
    approved_at   timestamptz,
    superseded_by bigint  REFERENCES indicator_value (id) DEFERRABLE INITIALLY DEFERRED,
    CHECK (superseded_by IS DISTINCT FROM id)
);
CREATE UNIQUE INDEX indicator_value_current ON indicator_value (indicator_id, unit_id, period)
    WHERE superseded_by IS NULL;
-- the reads of a roll-up: the current values of one indicator over a range of periods
CREATE INDEX indicator_value_periods ON indicator_value (indicator_id, period_start)
    INCLUDE (unit_id, value) WHERE superseded_by IS NULL;
CREATE INDEX indicator_value_history ON indicator_value (indicator_id, unit_id, period);
