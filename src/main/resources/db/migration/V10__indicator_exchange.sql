-- Entering and exchanging indicator values (issue 6).

-- The first and last day of a period, as V9 defines them, made inlinable: a SQL function that is
-- STRICT and whose body is not (CASE) is run through the SQL-function executor on every call,
-- some 30 µs each, which made the generated columns of indicator_value cost about 100 µs per
-- inserted row (11 s for 100,000 imported values). Without STRICT the planner inlines the body
-- into the expression (a null period still gives a null day), and a call costs what its
-- arithmetic costs. The results are the same, so the stored columns need no rewrite.
CREATE OR REPLACE FUNCTION period_first_day(p text) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE WHEN length(p) = 4 THEN make_date(p::int, 1, 1)
            WHEN substr(p, 6, 1) = 'Q' THEN make_date(left(p, 4)::int, substr(p, 7, 1)::int * 3 - 2, 1)
            ELSE make_date(left(p, 4)::int, substr(p, 6, 2)::int, 1) END
$$;

CREATE OR REPLACE FUNCTION period_last_day(p text) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT (period_first_day(p)
        + CASE WHEN length(p) = 4 THEN interval '1 year'
               WHEN substr(p, 6, 1) = 'Q' THEN interval '3 months'
               ELSE interval '1 month' END
        - interval '1 day')::date
$$;
