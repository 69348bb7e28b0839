-- A client won back (no business for more than a year) is new again and may be claimed again, so one live claim
-- per client for ever is no longer the rule: one live claim per spell of business is, checked under a lock on the
-- client code when a claim is registered. This index finds a client's claims around an order date.
drop index claim_live_client;
create index claim_client_order_date on claim (client_code, order_date) where status in ('SUBMITTED', 'APPROVED');
