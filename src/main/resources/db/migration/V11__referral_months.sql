-- The referred client's contract amounts by calendar month, for the three-month kicker (R4_KICKER). A month
-- recorded again is corrected in place; the audit trail keeps what it said before.
create table referral_month (
    referral_id bigint         not null references referral (id),
    month       date           not null,
    amount      numeric(14, 2) not null,
    recorded_by varchar(64)    not null,
    recorded_at timestamptz    not null,
    primary key (referral_id, month),
    constraint referral_month_first_day check (extract(day from month) = 1),
    constraint referral_month_amount check (amount >= 0)
);
