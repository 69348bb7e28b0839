-- The company calendar's exceptions to "Monday to Friday": public holidays, and make-up working days (调休).
create table calendar_day (
    day        date         primary key,
    kind       varchar(10)  not null,
    name       varchar(100) not null,
    constraint calendar_day_kind check (kind in ('HOLIDAY', 'WORKDAY'))
);

insert into calendar_day (day, kind, name)
select d::date, 'HOLIDAY', name
from (values
    ('2026-01-01', '2026-01-03', '元旦 New Year''s Day'),
    ('2026-02-15', '2026-02-23', '春节 Spring Festival'),
    ('2026-04-04', '2026-04-06', '清明节 Qingming Festival'),
    ('2026-05-01', '2026-05-05', '劳动节 Labour Day'),
    ('2026-06-19', '2026-06-21', '端午节 Dragon Boat Festival'),
    ('2026-09-25', '2026-09-27', '中秋节 Mid-Autumn Festival'),
    ('2026-10-01', '2026-10-07', '国庆节 National Day')
) as holiday(first_day, last_day, name),
generate_series(first_day::date, last_day::date, interval '1 day') as d;

insert into calendar_day (day, kind, name) values
    ('2026-01-04', 'WORKDAY', '元旦调休 New Year make-up day'),
    ('2026-02-14', 'WORKDAY', '春节调休 Spring Festival make-up day'),
    ('2026-02-28', 'WORKDAY', '春节调休 Spring Festival make-up day'),
    ('2026-05-09', 'WORKDAY', '劳动节调休 Labour Day make-up day'),
    ('2026-09-20', 'WORKDAY', '国庆节调休 National Day make-up day'),
    ('2026-10-10', 'WORKDAY', '国庆节调休 National Day make-up day');
