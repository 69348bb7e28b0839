-- R7 (key-account subsidy) and R8 (dealer rebates), the incentives paid to customers, as two more plans with
-- the defaults of POLICY.md: R7's shipped plan runs the calendar year 2026 (本方案有效期为一年); R8's has no end.
alter table plan_version drop constraint plan_version_kind;
alter table plan_version add constraint plan_version_kind check (kind in
    ('NEW_CLIENT', 'ORDER_SIZE_TIER', 'MONTHLY_COUNT_TIER', 'SALES_REFERRAL', 'CUSTOMER_REFERRAL', 'KEY_ACCOUNT',
     'DEALER'));

insert into plan_version (kind, number, status, valid_from, valid_to, rules, created_by, created_at, published_by,
                          published_at)
values
    ('KEY_ACCOUNT', 1, 'PUBLISHED', date '2026-01-01', date '2026-12-31', '{
        "tiers": [
            {"upTo": 100000.00, "cashRate": 0.20, "discountRate": 0.05},
            {"upTo": 500000.00, "cashRate": 0.25, "discountRate": 0.07},
            {"upTo": null, "cashRate": 0.30, "discountRate": 0.10}
        ],
        "agreementFrom": 1000000.00
     }'::jsonb, 'system', now(), 'system', now()),
    ('DEALER', 1, 'PUBLISHED', date '2026-01-01', null, '{
        "pickupSteps": [{"from": 50000.00, "rate": 0.01}, {"from": 200000.00, "rate": 0.02}],
        "monthlySteps": [{"from": 300000.00, "rate": 0.01}, {"from": 1000000.00, "rate": 0.015}],
        "stacking": true,
        "annualRate": 0.02
     }'::jsonb, 'system', now(), 'system', now());

alter table earned_line drop constraint earned_line_rule;
alter table earned_line add constraint earned_line_rule check (rule in
    ('R1', 'R2', 'R3', 'R4', 'R4_KICKER', 'R5', 'R5_RANKING', 'R7', 'R8_PICKUP', 'R8_MONTHLY', 'R8_ANNUAL',
     'ADJUSTMENT'));
