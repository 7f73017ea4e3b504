-- SUSE/Portus 2.3.7 db/schema.rb (version 20180207145522) differs from 2.4.3's in four places; the tests load
-- 2.4/postgresql.sql and then this file: 2.4 added users.bot, webhooks.name and the security scanning tables
-- (scan_results, vulnerabilities) and moved tags.vulnerabilities out of tags.
ALTER TABLE users DROP COLUMN bot;
ALTER TABLE webhooks DROP COLUMN name;
ALTER TABLE tags ADD COLUMN vulnerabilities TEXT;
DROP TABLE scan_results;
DROP TABLE vulnerabilities;
