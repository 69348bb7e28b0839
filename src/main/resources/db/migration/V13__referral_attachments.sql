-- The evidence a referrer attaches to an application: a PDF or an image, kept in the database with it.
create table referral_attachment (
    referral_id  bigint       not null primary key references referral (id),
    file_name    varchar(200) not null,
    content_type varchar(50)  not null,
    content      bytea        not null,
    uploaded_at  timestamptz  not null,
    constraint referral_attachment_type check (content_type in ('application/pdf', 'image/png', 'image/jpeg'))
);
