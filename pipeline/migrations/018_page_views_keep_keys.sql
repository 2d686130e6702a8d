-- 018: a page view keeps its page and origin by key only. Its path, and its referrer and
-- UTM source and medium, are held once in pages and origins (014), which ingest now adds
-- to with every part of a file (load.go, insertDims): compressing that text for every
-- row took half of DuckDB's time in a large ingest. page_views shows them as before,
-- through the dimensions, in the same columns and order.

-- The table is made anew without the text (DuckDB refuses to commit an ALTER TABLE that
-- drops columns of a table the same transaction updated), in the order of its rows, with
-- the keys of rows that lack them (none after 014, but a database written by hand may
-- have some).
DROP VIEW page_views;
CREATE TABLE page_view_keyed (
    file_id      INTEGER NOT NULL,
    ts           TIMESTAMP NOT NULL,   -- local time, Europe/Amsterdam
    site         VARCHAR NOT NULL,
    visit_id     UBIGINT NOT NULL,
    visitor      UBIGINT NOT NULL,
    page_title   VARCHAR,
    utm_campaign VARCHAR,
    time_on_page INTEGER,              -- seconds
    client_net   VARCHAR,
    page_key     UBIGINT NOT NULL,     -- pages: hash(site, path)
    origin_key   UBIGINT NOT NULL      -- origins: hash(referrer, utm_source, utm_medium)
);
INSERT INTO page_view_keyed
SELECT file_id, ts, site, visit_id, visitor, page_title, utm_campaign, time_on_page, client_net,
       coalesce(page_key, hash(site, path)), coalesce(origin_key, hash(referrer, utm_source, utm_medium))
FROM page_view_rows;

-- Any page or origin the dimensions lack (also of the parts of an unfinished file, which
-- are published or deleted later).
INSERT INTO pages
SELECT n.page_key, n.site, n.path
FROM (SELECT coalesce(page_key, hash(site, path)) AS page_key, any_value(site) AS site, any_value(path) AS path
      FROM page_view_rows GROUP BY ALL) n
ANTI JOIN pages p ON p.page_key = n.page_key;
INSERT INTO origins
SELECT n.origin_key, n.referrer, n.utm_source, n.utm_medium
FROM (SELECT coalesce(origin_key, hash(referrer, utm_source, utm_medium)) AS origin_key, any_value(referrer) AS referrer,
             any_value(utm_source) AS utm_source, any_value(utm_medium) AS utm_medium
      FROM page_view_rows GROUP BY ALL) n
ANTI JOIN origins o ON o.origin_key = n.origin_key;

DROP TABLE page_view_rows;
ALTER TABLE page_view_keyed RENAME TO page_view_rows;

-- The published page views, with their text from the dimensions (each key once in its
-- dimension: ingest adds a key only where it lacks it).
CREATE OR REPLACE VIEW page_views AS
SELECT r.file_id, r.ts, r.site, r.visit_id, r.visitor, p.path, r.page_title, o.referrer, o.utm_source, o.utm_medium,
       r.utm_campaign, r.time_on_page, r.client_net, r.page_key, r.origin_key
FROM page_view_rows r
JOIN pages p ON p.page_key = r.page_key
JOIN origins o ON o.origin_key = r.origin_key
WHERE r.file_id IN (SELECT file_id FROM ingest_log);

-- The published page views as stored: page_views without the text of the dimensions. A
-- question that needs no path or referrer reads it, and does not join the dimensions to
-- millions of rows for columns it never reads (DuckDB does not drop an unused join).
CREATE VIEW page_view_keys AS
SELECT * FROM page_view_rows WHERE file_id IN (SELECT file_id FROM ingest_log);
