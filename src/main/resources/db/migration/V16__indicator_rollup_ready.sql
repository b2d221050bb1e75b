-- Roll-ups kept ready (issue 6, the 20 ms target on ten million values): the province figures of
-- each (indicator, period), in each view, computed ahead by the query a read would run, the way
-- DHIS2 keeps analytics tables. A read uses them only when they are provably current, and runs
-- the roll-up itself otherwise, so a figure is never stale: it is only slower until refilled.
--
-- Current means: computed from the values as they stand (the epoch below), with the weights as
-- they stand (a weighted average), over the places as they stand (a rebuild of the places empties
-- this table in its transaction).

-- One counter per (indicator, period) that has ever had a value: raised by every statement that
-- writes values of it, in the writing transaction, whoever writes (entry, correction, submit,
-- approve, import). A roll-up filled in one snapshot records the counter it saw; it is current
-- while the counter has not moved. Concurrent writers of the same (indicator, period) queue on the
-- counter's row until the first commits.
CREATE TABLE indicator_value_epoch (
    indicator_id bigint NOT NULL,
    period_start date   NOT NULL,
    epoch        bigint NOT NULL,
    PRIMARY KEY (indicator_id, period_start)
);

INSERT INTO indicator_value_epoch (indicator_id, period_start, epoch)
SELECT DISTINCT indicator_id, period_start, 1 FROM indicator_value;

CREATE FUNCTION indicator_value_epoch_raise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- in key order, so that two writers of several periods cannot lock each other's rows crosswise
    IF TG_OP = 'DELETE' THEN
        INSERT INTO indicator_value_epoch (indicator_id, period_start, epoch)
        SELECT DISTINCT indicator_id, period_start, 1 FROM changed_before ORDER BY 1, 2
            ON CONFLICT (indicator_id, period_start) DO UPDATE SET epoch = indicator_value_epoch.epoch + 1;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO indicator_value_epoch (indicator_id, period_start, epoch)
        SELECT indicator_id, period_start, 1
          FROM (SELECT indicator_id, period_start FROM changed_before
                UNION SELECT indicator_id, period_start FROM changed_after) k ORDER BY 1, 2
            ON CONFLICT (indicator_id, period_start) DO UPDATE SET epoch = indicator_value_epoch.epoch + 1;
    ELSE
        INSERT INTO indicator_value_epoch (indicator_id, period_start, epoch)
        SELECT DISTINCT indicator_id, period_start, 1 FROM changed_after ORDER BY 1, 2
            ON CONFLICT (indicator_id, period_start) DO UPDATE SET epoch = indicator_value_epoch.epoch + 1;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER indicator_value_epoch_insert AFTER INSERT ON indicator_value
    REFERENCING NEW TABLE AS changed_after
    FOR EACH STATEMENT EXECUTE FUNCTION indicator_value_epoch_raise();
CREATE TRIGGER indicator_value_epoch_update AFTER UPDATE ON indicator_value
    REFERENCING OLD TABLE AS changed_before NEW TABLE AS changed_after
    FOR EACH STATEMENT EXECUTE FUNCTION indicator_value_epoch_raise();
CREATE TRIGGER indicator_value_epoch_delete AFTER DELETE ON indicator_value
    REFERENCING OLD TABLE AS changed_before
    FOR EACH STATEMENT EXECUTE FUNCTION indicator_value_epoch_raise();

-- The groups of the roll-up to the top of the hierarchy (the provinces, then or today, and, as it
-- is now, the figures that land nowhere), one row per (view, indicator, period), as the JSON array
-- of RollUpQuery's groups; with the epochs of the values and of the weights it was computed from.
CREATE TABLE indicator_rollup_ready (
    view          text   NOT NULL CHECK (view IN ('as_was', 'as_now')),
    indicator_id  bigint NOT NULL,
    period_start  date   NOT NULL,
    epoch         bigint NOT NULL,
    weight_epoch  bigint NOT NULL,   -- 0: no weight, or none entered
    groups        jsonb  NOT NULL,
    filled_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (view, indicator_id, period_start)
);
