-- The references of indicator_value to indicator and org_unit checked once per statement, not once
-- per row (issue 6, the import of a million values). A foreign key runs one query per inserted row
-- (measured: about a third of the import's write). These triggers check the same thing for all
-- the rows of a statement at once, with the same locks a foreign key takes (FOR KEY SHARE on the
-- rows referred to, so that they cannot be deleted before the writer commits), and refuse with
-- the same error code (23503).
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
        RAISE EXCEPTION 'insert or update on table "indicator_value" violates its references: key % is not present in table "indicator" or "org_unit"', missing
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER indicator_value_references_insert AFTER INSERT ON indicator_value
    REFERENCING NEW TABLE AS changed_after
    FOR EACH STATEMENT EXECUTE FUNCTION indicator_value_references_check();
CREATE TRIGGER indicator_value_references_update AFTER UPDATE ON indicator_value
    REFERENCING NEW TABLE AS changed_after
    FOR EACH STATEMENT EXECUTE FUNCTION indicator_value_references_check();

-- The other side: an indicator or a unit that values refer to cannot be deleted (neither ever is:
-- the catalogue and the registry keep their history; this keeps that true).
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
