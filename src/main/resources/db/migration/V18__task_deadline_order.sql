-- The deadlines in the task list's order (deadline, then task; no deadline last), with the day each
-- took effect: a page of a long list walks the deadlines in force on its day in this order and
-- stops when the page is full (TaskPageByDeadline), instead of computing and sorting every task of
-- the list. Index-only: the walk reads the day from the index.
CREATE INDEX task_deadline_order ON task_deadline (deadline, task_id) INCLUDE (effective_on);
