-- Tasks and working sessions (issue 5).

-- The one unit that carries on a unit after it ends: of its successions on its last day, the full
-- one, else the largest weight, else the first. Tasks and figures of a unit that ended follow it.
CREATE FUNCTION unit_heir(u bigint) RETURNS bigint
    LANGUAGE sql STABLE AS $$
SELECT s.successor_id
  FROM org_succession s
 WHERE s.predecessor_id = u
 ORDER BY s.effective_date DESC, (s.share = 'full') DESC, s.weight DESC NULLS LAST, s.successor_id
 LIMIT 1
$$;

-- Which units a unit's records count under, and when: the ancestors in the path of each of its
-- versions during that version, then, after it ends, those of its heir (and its heir's heir...).
CREATE FUNCTION unit_scope_spans(u bigint) RETURNS TABLE (scope_id bigint, during daterange)
    LANGUAGE sql STABLE AS $$
WITH RECURSIVE chain(unit_id, since, depth) AS (
    SELECT u, '-infinity'::date, 0
    UNION ALL
    SELECT h.heir, e.last_day, c.depth + 1
      FROM chain c
      -- the day after its last version, or nothing while a version is open (the unit still stands)
      JOIN LATERAL (SELECT CASE WHEN bool_or(upper_inf(valid)) THEN NULL ELSE max(upper(valid)) END AS last_day
                      FROM org_unit_version WHERE unit_id = c.unit_id) e ON true
      -- a body that ended without an heir is carried on by its locality (and that locality's heir)
      JOIN LATERAL (SELECT coalesce(unit_heir(c.unit_id),
                                    (SELECT v.locality_id FROM org_unit_version v WHERE v.unit_id = c.unit_id
                                      ORDER BY upper(v.valid) DESC NULLS FIRST LIMIT 1)) AS heir) h ON h.heir IS NOT NULL
     WHERE e.last_day IS NOT NULL AND c.depth < 10)
SELECT DISTINCT a.scope_id, v.valid * daterange(c.since, NULL) AS during
  FROM chain c
  JOIN org_unit_version v ON v.unit_id = c.unit_id AND v.valid && daterange(c.since, NULL)
  CROSS JOIN LATERAL unnest(string_to_array(v.path::text, '.')::bigint[]) AS a(scope_id)
UNION
-- a body also counts under its locality and the localities above it, while it belongs there
SELECT DISTINCT a.scope_id, v.valid * l.valid * daterange(c.since, NULL)
  FROM chain c
  JOIN org_unit_version v ON v.unit_id = c.unit_id AND v.valid && daterange(c.since, NULL)
  JOIN org_unit_version l ON l.unit_id = v.locality_id AND l.valid && v.valid
  CROSS JOIN LATERAL unnest(string_to_array(l.path::text, '.')::bigint[]) AS a(scope_id)
 WHERE NOT isempty(v.valid * l.valid * daterange(c.since, NULL))
$$;

CREATE TABLE meeting (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    held_on         date    NOT NULL,
    place           text,
    chair           text    NOT NULL CHECK (chair <> ''),
    -- the body that holds the session, and the unit it works with
    host_unit_id    bigint  NOT NULL REFERENCES org_unit (id),
    with_unit_id    bigint  REFERENCES org_unit (id),
    title           text    NOT NULL CHECK (title <> ''),
    attendees       text,
    reports         text,
    drafts          text,
    proposals       text,
    conclusions     text,
    -- set when the session is concluded: its notice of conclusions in the document registry
    notice_id       bigint  REFERENCES document (id),
    concluded_at    timestamptz,
    version         int     NOT NULL DEFAULT 0,
    created_by      text    NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meeting_host ON meeting (host_unit_id, held_on);
CREATE INDEX meeting_with ON meeting (with_unit_id, held_on);

CREATE TABLE meeting_body (
    meeting_id bigint NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    unit_id    bigint NOT NULL REFERENCES org_unit (id),
    PRIMARY KEY (meeting_id, unit_id)
);

CREATE TABLE task (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id       bigint  REFERENCES task (id),
    document_id     bigint  REFERENCES document (id),
    document_point  text,
    meeting_id      bigint  REFERENCES meeting (id),
    title           text    NOT NULL CHECK (title <> ''),
    lead_unit_id    bigint  NOT NULL REFERENCES org_unit (id),
    responsible     text,
    priority        text    NOT NULL DEFAULT 'normal' CHECK (priority IN ('high', 'normal', 'low')),
    expected_result text,
    start_on        date    NOT NULL,
    -- the deadline in force today (null: ongoing); its history is task_deadline
    deadline        date,
    completed_on    date,
    result          text,
    progress        int     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    version         int     NOT NULL DEFAULT 0,
    created_by      text    NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (deadline IS NULL OR deadline >= start_on),
    CHECK (completed_on IS NULL OR completed_on >= start_on)
);
CREATE INDEX task_lead ON task (lead_unit_id);
CREATE INDEX task_parent ON task (parent_id);
CREATE INDEX task_document ON task (document_id);
CREATE INDEX task_meeting ON task (meeting_id);
CREATE INDEX task_deadline_open ON task (deadline) WHERE completed_on IS NULL;

CREATE TABLE task_coordinator (
    task_id bigint NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    unit_id bigint NOT NULL REFERENCES org_unit (id),
    PRIMARY KEY (task_id, unit_id)
);

-- Every deadline a task has had, from the day it took effect: the first at the start, then one
-- per approved extension. The deadline "as of" a day is the last one in effect on that day.
CREATE TABLE task_deadline (
    task_id      bigint NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    effective_on date   NOT NULL,
    deadline     date,
    PRIMARY KEY (task_id, effective_on)
);

CREATE TABLE task_progress (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id     bigint  NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    reported_on date    NOT NULL,
    percent     int     NOT NULL CHECK (percent BETWEEN 0 AND 100),
    note        text    NOT NULL,
    created_by  text    NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_progress_task ON task_progress (task_id, reported_on);

CREATE TABLE task_evidence (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    progress_id  bigint NOT NULL REFERENCES task_progress (id) ON DELETE CASCADE,
    name         text   NOT NULL,
    content_type text   NOT NULL,
    size         bigint NOT NULL,
    sha256       bytea  NOT NULL,
    content      bytea  NOT NULL
);

CREATE TABLE task_extension (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id       bigint NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    requested_on  date   NOT NULL,
    old_deadline  date,
    new_deadline  date   NOT NULL,
    reason        text   NOT NULL CHECK (reason <> ''),
    requested_by  text   NOT NULL,
    state         text   NOT NULL DEFAULT 'requested' CHECK (state IN ('requested', 'approved', 'rejected')),
    decided_by    text,
    decided_on    date,
    note          text
);
CREATE INDEX task_extension_task ON task_extension (task_id);

-- Counts of tasks by status under every unit over time, kept as daily changes: a task adds +1 to
-- (unit, status) on the day it enters the status and -1 on the day it leaves, for every unit its
-- lead unit counts under on those days (unit_scope_spans). The counts "as of" a day are the sums
-- of the changes up to that day: one index-only range scan of (scope, day) per dashboard.
CREATE TABLE task_status_change (
    scope_id bigint NOT NULL,
    day      date   NOT NULL,
    status   smallint NOT NULL,
    delta    int    NOT NULL,
    PRIMARY KEY (scope_id, day, status)
) WITH (fillfactor = 90);

-- The units whose records count under a root on a day: those standing under it on that day
-- (bodies under it, or belonging to a locality under it), and the units that ended before and
-- whose heir, or heir's heir, is one of those. A task led by a commune merged in 2025 counts
-- under the new commune today and under the old one (and its district) as it was.
CREATE FUNCTION units_under_as_of(root bigint, d date) RETURNS TABLE (unit_id bigint)
    LANGUAGE sql STABLE AS $$
WITH RECURSIVE
    r AS (SELECT path FROM org_unit_version WHERE unit_id = root AND valid @> d),
    standing AS (
        SELECT v.unit_id FROM r JOIN org_unit_version v ON v.path <@ r.path AND v.valid @> d
        UNION
        SELECT b.unit_id
          FROM r
          JOIN org_unit_version l ON l.path <@ r.path AND l.valid @> d
          JOIN org_unit_version b ON b.locality_id = l.unit_id AND b.valid @> d),
    feeders(unit_id) AS (
        SELECT unit_id FROM standing
        UNION
        SELECT x.unit_id
          FROM feeders f
          CROSS JOIN LATERAL (
              SELECT s.predecessor_id AS unit_id
                FROM org_succession s
               WHERE s.successor_id = f.unit_id AND s.effective_date <= d AND unit_heir(s.predecessor_id) = f.unit_id
                 -- a unit that still stands on d (it gave only a part away) counts as itself
                 AND NOT EXISTS (SELECT 1 FROM org_unit_version p
                                  WHERE p.unit_id = s.predecessor_id AND p.valid @> d)
              UNION ALL
              -- bodies that ended before d without an heir are carried on by their locality
              SELECT b.unit_id
                FROM org_unit_version b
               WHERE b.locality_id = f.unit_id AND upper(b.valid) <= d AND unit_heir(b.unit_id) IS NULL
                 AND NOT EXISTS (SELECT 1 FROM org_unit_version later
                                  WHERE later.unit_id = b.unit_id AND lower(later.valid) > lower(b.valid))) x)
SELECT unit_id FROM feeders
$$;

CREATE INDEX org_unit_version_locality ON org_unit_version (locality_id) WHERE locality_id IS NOT NULL;
