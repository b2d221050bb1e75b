-- Reminders that reach people (issue 5): the offices' mailboxes, and every reminder mail, recorded
-- before it is sent so that it is never sent twice.

-- The office's address of a unit: where its daily digest goes, and its children's escalations.
CREATE TABLE reminder_mailbox (
    unit_id    bigint      PRIMARY KEY REFERENCES org_unit (id),
    email      text        NOT NULL CHECK (email <> '' AND length(email) <= 320),
    updated_by text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per mail: a digest of a unit's tasks on a day, or an escalation of a unit's long-overdue
-- tasks to the office above it. The unique key is the promise that a mail goes out once: the row
-- is written (pending) before anything is sent, a sender claims it (sending) in a committed
-- transaction before it talks to the SMTP server, and marks it sent or failed afterwards.
CREATE TABLE reminder_mail (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('digest', 'escalation')),
    -- the unit the mail is about: the lead unit (or the unit that carries it on) of its tasks
    unit_id         bigint      NOT NULL REFERENCES org_unit (id),
    -- the day the tasks' statuses are read as of
    day             date        NOT NULL,
    -- the office written to: its unit and its address when the mail was planned
    recipient_unit  bigint      NOT NULL REFERENCES org_unit (id),
    recipient       text        NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    state           text        NOT NULL DEFAULT 'pending'
                                CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'abandoned')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claimed_at      timestamptz,
    sent_at         timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (kind, unit_id, day, recipient)
);
CREATE INDEX reminder_mail_due ON reminder_mail (next_attempt_at) WHERE state IN ('pending', 'failed', 'sending');
CREATE INDEX reminder_mail_unit ON reminder_mail (unit_id, day);

-- The tasks a mail lists, with the deadline in force then: an escalation names a task once per
-- deadline (an approved extension that runs out again escalates it again).
CREATE TABLE reminder_mail_task (
    mail_id  bigint NOT NULL REFERENCES reminder_mail (id) ON DELETE CASCADE,
    task_id  bigint NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    deadline date   NOT NULL,
    overdue  boolean NOT NULL,
    PRIMARY KEY (mail_id, task_id)
);
CREATE INDEX reminder_mail_task_task ON reminder_mail_task (task_id, deadline);

-- The unit that stands on the day for a unit's records: the unit itself while it stands, else its
-- heir (unit_heir, V7), and so on; a body that ended without an heir is carried on by its
-- locality, as in unit_scope_spans. Null when the chain leads nowhere.
CREATE FUNCTION unit_standing_on(u bigint, d date) RETURNS bigint
    LANGUAGE sql STABLE AS $$
WITH RECURSIVE chain(unit_id, depth) AS (
    SELECT u, 0
    UNION ALL
    SELECT coalesce(unit_heir(c.unit_id),
                    (SELECT v.locality_id FROM org_unit_version v WHERE v.unit_id = c.unit_id
                      ORDER BY upper(v.valid) DESC NULLS FIRST LIMIT 1)), c.depth + 1
      FROM chain c
     WHERE c.unit_id IS NOT NULL AND c.depth < 10
       AND NOT EXISTS (SELECT 1 FROM org_unit_version v WHERE v.unit_id = c.unit_id AND v.valid @> d))
SELECT c.unit_id FROM chain c
 WHERE EXISTS (SELECT 1 FROM org_unit_version v WHERE v.unit_id = c.unit_id AND v.valid @> d)
 ORDER BY c.depth LIMIT 1
$$;
