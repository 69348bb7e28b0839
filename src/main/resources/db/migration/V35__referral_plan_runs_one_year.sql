-- R4's seed says the plan runs one year (有效期一年): the shipped version is in force 2026-01-01 to 2026-12-31.
-- Only the shipped version is changed, and only while nothing has ended or replaced it.
update plan_version set valid_to = date '2026-12-31'
where kind = 'SALES_REFERRAL' and number = 1 and status = 'PUBLISHED' and created_by = 'system' and valid_to is null
  and not exists (select 1 from plan_version later where later.kind = 'SALES_REFERRAL' and later.number > 1
                  and later.status = 'PUBLISHED');
