-- The references of indicator_value to indicator and org_unit checked once per statement, not once
-- per row (issue 6, the import of a million values). A foreign key runs one query per inserted row
-- (measured: about a third of the import's write). Instead:
-- - an insert is checked by a statement trigger over all its rows at once, which takes the locks a
--   foreign key takes (FOR KEY SHARE on the rows referred to, so that they cannot be deleted before
--   the writer commits) and refuses with the same SQLSTATE (23503);
-- - a value never moves to another indicator or unit (a correction is a new row): an update of
--   either is refused outright, by a row trigger whose WHEN costs nothing when they are unchanged;
-- - the rows referred to are never deleted, truncated or renumbered (the catalogue and the registry
--   keep their history): refused while values refer to them. As with foreign keys under READ
--   COMMITTED (the only isolation level Mandate writes at), a delete and an insert that run at
--   once are ordered by the FOR KEY SHARE lock.
-- - the roll-ups kept ready (V16) rest on an indicator's rule, weight and period type never
--   changing once it exists: refused too.
-- A restore loads with triggers off and checks the references itself (DatabaseBackup).
ALTER TABLE indicator_value DROP CONSTRAINT indicator_value_indicator_id_fkey;
ALTER TABLE indicator_value DROP CONSTRAINT indicator_value_unit_id_fkey;

CREATE FUNCTION indicator_value_references_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    missing text;
BEGIN
    PERFORM 1 FROM indicator i WHERE i.id IN (SELECT indicator_id FROM changed_after) ORDER BY i.id FOR KEY SHARE;
    PERFORM 1 FROM org_unit u WHERE u.id IN (SELECT unit_id FROM changed_after) ORDER BY u.id FOR KEY SHARE;
    SELECT format('(indicator_id, unit_id)=(%s, %s)', n.indicator_id, n.unit_id) INTO missing
      FROM changed_after n
     WHERE NOT EXISTS (SELECT 1 FROM indicator i WHERE i.id = n.indicator_id)
        OR NOT EXISTS (SELECT 1 FROM org_unit u WHERE u.id = n.unit_id)
     LIMIT 1;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'insert on table "indicator_value" violates its references: key % is not present in table "indicator" or "org_unit"', missing
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER indicator_value_references_insert AFTER INSERT ON indicator_value
    REFERENCING NEW TABLE AS changed_after
    FOR EACH STATEMENT EXECUTE FUNCTION indicator_value_references_check();

CREATE FUNCTION indicator_value_refuse_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a value of table "indicator_value" cannot move to another indicator or unit (value %): enter a new one', OLD.id
        USING ERRCODE = 'foreign_key_violation';
END
$$;
CREATE TRIGGER indicator_value_no_move BEFORE UPDATE ON indicator_value
    FOR EACH ROW WHEN (OLD.indicator_id IS DISTINCT FROM NEW.indicator_id OR OLD.unit_id IS DISTINCT FROM NEW.unit_id)
    EXECUTE FUNCTION indicator_value_refuse_move();

-- The other side: a delete of an indicator or a unit that values refer to.
CREATE FUNCTION indicator_value_referenced_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    gone bigint;
BEGIN
    IF TG_TABLE_NAME = 'indicator' THEN
        SELECT v.indicator_id INTO gone FROM indicator_value v WHERE v.indicator_id IN (SELECT id FROM deleted) LIMIT 1;
    ELSE
        SELECT v.unit_id INTO gone FROM indicator_value v WHERE v.unit_id IN (SELECT id FROM deleted) LIMIT 1;
    END IF;
    IF gone IS NOT NULL THEN
        RAISE EXCEPTION 'delete on table "%" violates the references of table "indicator_value": id % is still referred to', TG_TABLE_NAME, gone
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER indicator_value_referenced AFTER DELETE ON indicator
    REFERENCING OLD TABLE AS deleted
    FOR EACH STATEMENT EXECUTE FUNCTION indicator_value_referenced_check();
CREATE TRIGGER indicator_value_referenced AFTER DELETE ON org_unit
    REFERENCING OLD TABLE AS deleted
    FOR EACH STATEMENT EXECUTE FUNCTION indicator_value_referenced_check();

-- A truncate of either while values exist (a restore truncates with triggers off).
CREATE FUNCTION indicator_value_referenced_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM indicator_value) THEN
        RAISE EXCEPTION 'truncate of table "%" violates the references of table "indicator_value"', TG_TABLE_NAME
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER indicator_value_referenced_truncate BEFORE TRUNCATE ON indicator
    FOR EACH STATEMENT EXECUTE FUNCTION indicator_value_referenced_truncate();
CREATE TRIGGER indicator_value_referenced_truncate BEFORE TRUNCATE ON org_unit
    FOR EACH STATEMENT EXECUTE FUNCTION indicator_value_referenced_truncate();

-- An id never changes; nor does what an indicator's values mean for a roll-up.
CREATE FUNCTION indicator_value_refuse_renumber() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the id of a row of table "%" cannot change (%), nor an indicator''s rule, weight or period type', TG_TABLE_NAME, OLD.id
        USING ERRCODE = 'foreign_key_violation';
END
$$;
CREATE TRIGGER indicator_no_renumber BEFORE UPDATE ON indicator
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.rollup IS DISTINCT FROM NEW.rollup
                       OR OLD.weight_indicator_id IS DISTINCT FROM NEW.weight_indicator_id
                       OR OLD.period_type IS DISTINCT FROM NEW.period_type)
    EXECUTE FUNCTION indicator_value_refuse_renumber();
CREATE TRIGGER org_unit_no_renumber BEFORE UPDATE ON org_unit
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION indicator_value_refuse_renumber();
