-- A queue leaves out the items whose earlier step the reader took: without an index on who decided, that check
-- read every approval step ever decided, on every queue page (10 ms at 80,000 steps, growing with the history).
create index approval_step_decided_by on approval_step (decided_by, subject_type, subject_id)
    where decided_by is not null;
