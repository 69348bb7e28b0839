-- A key account chooses its mode for each plan year (现金补贴 or 折扣优惠, never both in one year): the mode given
-- at designation holds until a year is given another, before any month of that year is computed.
create table key_account_year_mode (
    key_account_id bigint      not null references key_account (id),
    year           integer     not null,
    mode           varchar(10) not null,
    set_by         varchar(64) not null,
    set_at         timestamptz not null,
    primary key (key_account_id, year),
    constraint key_account_year_mode_mode check (mode in ('CASH', 'DISCOUNT'))
);
