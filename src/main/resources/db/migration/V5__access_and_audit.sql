-- Users hold roles granted at units of the registry; a grant covers the unit's subtree as it
-- stands on the day of the request and the units that passed into it by succession. A grant
-- with no unit covers the whole country.
ALTER TABLE app_user
    ADD COLUMN failed_logins        int         NOT NULL DEFAULT 0,
    ADD COLUMN locked_until         timestamptz,
    ADD COLUMN must_change_password boolean     NOT NULL DEFAULT false,
    ADD COLUMN password_changed_at  timestamptz;

CREATE TABLE user_grant (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role       text        NOT NULL CHECK (role IN ('admin', 'office', 'leader', 'reporter', 'viewer')),
    unit_id    bigint REFERENCES org_unit (id),
    granted_by text        NOT NULL,
    granted_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (user_id, role, unit_id)
);
CREATE INDEX user_grant_user ON user_grant (user_id);

INSERT INTO user_grant (user_id, role, unit_id, granted_by)
SELECT id, CASE role WHEN 'editor' THEN 'office' ELSE role END, scope_unit_id, 'system:migration'
FROM app_user;
ALTER TABLE app_user DROP COLUMN role, DROP COLUMN scope_unit_id;

-- Tokens for scripts: only a SHA-256 of the token is kept; the token itself is shown once.
CREATE TABLE api_token (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    token_hash   bytea       NOT NULL UNIQUE,
    label        text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

-- Sessions in the database, so that application nodes sharing it serve the same signed-in user
-- (Spring Session JDBC, its PostgreSQL schema).
CREATE TABLE spring_session (
    primary_id            char(36) NOT NULL,
    session_id            char(36) NOT NULL,
    creation_time         bigint   NOT NULL,
    last_access_time      bigint   NOT NULL,
    max_inactive_interval int      NOT NULL,
    expiry_time           bigint   NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);
CREATE TABLE spring_session_attributes (
    session_primary_id char(36)     NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

-- The audit log becomes a hash chain: each entry carries the hash of the one before it and its
-- own hash over its contents, so that changing or deleting an entry breaks the chain. Entries are
-- numbered (seq) under a lock on the chain's head, in the order they are chained, which is not
-- always the order of their ids when transactions run side by side.
ALTER TABLE audit_log
    ADD COLUMN seq       bigint,
    ADD COLUMN source    text,
    ADD COLUMN unit_id   bigint,
    ADD COLUMN before    jsonb,
    ADD COLUMN after     jsonb,
    ADD COLUMN prev_hash bytea,
    ADD COLUMN hash      bytea;

CREATE TABLE audit_chain_head (
    only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    last_seq  bigint  NOT NULL,
    last_hash bytea   NOT NULL
);

-- What is hashed: every field of the entry in a fixed text form (time as microseconds since the
-- epoch, JSON in PostgreSQL's normalized jsonb text), so that the hash does not depend on the
-- session's time zone or date style.
CREATE FUNCTION audit_entry_hash(prev bytea, e audit_log) RETURNS bytea
    LANGUAGE sql IMMUTABLE AS $$
SELECT public.digest(prev || convert_to(concat_ws(chr(31),
           e.seq::text, (extract(epoch FROM e.at) * 1000000)::bigint::text, e.actor, e.action, e.entity,
           coalesce(e.entity_id::text, ''), coalesce(e.unit_id::text, ''), coalesce(e.source, ''),
           e.detail::text, coalesce(e.before::text, ''), coalesce(e.after::text, '')), 'UTF8'), 'sha256')
$$;

CREATE FUNCTION audit_chain() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    head audit_chain_head;
BEGIN
    SELECT * INTO head FROM audit_chain_head FOR UPDATE;
    NEW.seq := head.last_seq + 1;
    NEW.prev_hash := head.last_hash;
    NEW.hash := audit_entry_hash(head.last_hash, NEW);
    UPDATE audit_chain_head SET last_seq = NEW.seq, last_hash = NEW.hash;
    RETURN NEW;
END $$;

-- the entries written before the chain existed are chained now, in id order
INSERT INTO audit_chain_head (last_seq, last_hash) VALUES (0, '\x'::bytea);
DO $$
DECLARE
    e    audit_log;
    prev bytea := '\x'::bytea;
    n    bigint := 0;
BEGIN
    FOR e IN SELECT * FROM audit_log ORDER BY id LOOP
        n := n + 1;
        e.seq := n;
        e.prev_hash := prev;
        e.hash := audit_entry_hash(prev, e);
        UPDATE audit_log SET seq = e.seq, prev_hash = e.prev_hash, hash = e.hash WHERE id = e.id;
        prev := e.hash;
    END LOOP;
    UPDATE audit_chain_head SET last_seq = n, last_hash = prev;
END $$;

ALTER TABLE audit_log
    ALTER COLUMN seq SET NOT NULL,
    ALTER COLUMN prev_hash SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL,
    ADD CONSTRAINT audit_log_seq UNIQUE (seq);
CREATE TRIGGER audit_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_chain();
CREATE INDEX audit_log_actor ON audit_log (actor, seq);
CREATE INDEX audit_log_unit ON audit_log (unit_id, seq);

-- Scope: is the unit covered, on date d, by grants at these root units? A grant covers the root's
-- subtree as it stands on d and whatever passed into it by succession. So the unit is covered
-- when the unit itself, or a unit above it (for a body: also the locality it belongs to and the
-- localities above that), or any unit one of those passed into, stands on d under a root. A
-- unit that no longer stands is judged by its last version. This one definition serves the
-- check of a single record and the filtering of lists.
CREATE FUNCTION unit_covered(target bigint, roots bigint[], d date) RETURNS boolean
    LANGUAGE sql STABLE AS $$
WITH RECURSIVE
    tv AS (SELECT v.path, v.valid FROM org_unit_version v WHERE v.unit_id = target
           ORDER BY (v.valid @> d) DESC, upper(v.valid) DESC NULLS FIRST LIMIT 1),
    loc AS (SELECT lv.path
            FROM tv
            JOIN LATERAL (SELECT b.locality_id FROM org_unit_version b
                          WHERE b.unit_id = ANY (string_to_array(tv.path::text, '.')::bigint[])
                            AND b.locality_id IS NOT NULL AND b.valid && tv.valid
                          ORDER BY nlevel(b.path) DESC LIMIT 1) b ON true
            JOIN LATERAL (SELECT l.path FROM org_unit_version l WHERE l.unit_id = b.locality_id
                          ORDER BY (l.valid && tv.valid) DESC, upper(l.valid) DESC NULLS FIRST LIMIT 1) lv ON true),
    later(unit_id) AS (
        SELECT unnest(string_to_array(p.path::text, '.')::bigint[])
        FROM (SELECT path FROM tv UNION ALL SELECT path FROM loc) p
        UNION
        SELECT s.successor_id FROM org_succession s JOIN later l ON s.predecessor_id = l.unit_id)
SELECT EXISTS (
    SELECT 1
    FROM later
    JOIN org_unit_version v ON v.unit_id = later.unit_id AND v.valid @> d
    JOIN org_unit_version g ON g.unit_id = ANY (roots) AND g.valid @> d AND v.path <@ g.path)
$$;
