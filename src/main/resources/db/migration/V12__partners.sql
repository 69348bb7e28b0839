-- Partners (合作伙伴): people outside the company who sign in with the PARTNER role to refer clients, and are
-- paid to the bank account on record. The account is shown masked everywhere but the payout sheet.
alter table person_role drop constraint person_role_known;
alter table person_role add constraint person_role_known
    check (role in ('SALES', 'MANAGER', 'DIRECTOR', 'HR', 'FINANCE', 'ADMIN', 'PARTNER'));
alter table person add column bank_name varchar(100);
alter table person add column bank_account varchar(34);
