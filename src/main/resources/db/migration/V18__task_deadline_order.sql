-- A page of a long task list (TaskPageByDeadline) walks the deadlines in force on its day in the
-- list's order (deadline, then task; no deadline last) and stops when the page is full, instead of
-- computing and sorting every task of the list.
-- The deadlines in that order, with the day each took effect (the walk reads it from the index):
CREATE INDEX task_deadline_order ON task_deadline (deadline, task_id) INCLUDE (effective_on);
-- What the walk checks of each task it passes over (its lead unit, start and completion), read
-- from the index rather than the table: about a fifth less time per task on a million tasks.
CREATE INDEX task_walk ON task (id) INCLUDE (lead_unit_id, start_on, completed_on);
