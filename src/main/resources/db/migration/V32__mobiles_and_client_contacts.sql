-- A person's mobile number, and a client's contact as the ERP records it: the fraud review compares them to find
-- a sales referral whose client is, behind its name, someone in the company.
alter table person add column mobile varchar(11);
alter table client add column contact_name varchar(100);
alter table client add column contact_mobile varchar(11);

create index person_mobile_idx on person (mobile) where mobile is not null;
create index client_contact_mobile_idx on client (contact_mobile) where contact_mobile is not null;
