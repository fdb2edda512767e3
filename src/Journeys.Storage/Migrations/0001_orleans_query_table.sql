-- The AdoNet providers of Orleans (clustering, grain storage, reminders) read every SQL
-- statement they run from this table by key; later migrations register those statements.
CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64)   NOT NULL PRIMARY KEY,
    querytext varchar(8000) NOT NULL
);
