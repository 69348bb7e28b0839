-- A queue leaves out the items whose earlier step the reader took: without an index on who decided, that check
-- read every approval step ever decided, on every queue page (10 ms at 80,000 steps, growing with the history).
create index approval_step_decided_by on approval_step (decided_by, subject_type, subject_id)
    where decided_by is not null;

-- A person's queue is found by the approver of the open step and, for a manager, the submitters of their line:
-- with both in the index (and the item, so that counting a queue need not read the steps themselves), a queue
-- costs what it holds, not what every queue of that approver holds.
create index approval_step_open_queue on approval_step (subject_type, approver, submitter_id, subject_id) where open;
drop index approval_step_waiting;
