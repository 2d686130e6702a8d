-- 011: a large log is loaded in parts that stay invisible until its last part commits.
-- Page views are stored in page_view_rows; page_views shows only those of published files
-- (a file is published by its ingest_log row, written with its last part), so a kill at
-- any moment leaves none of an unfinished file visible, and the next ingest removes its
-- parts (listed in ingest_parts). Queries read page_views.
ALTER TABLE page_views RENAME TO page_view_rows;
CREATE VIEW page_views AS
SELECT * FROM page_view_rows WHERE file_id IN (SELECT file_id FROM ingest_log);

-- The files whose parts are being loaded: a row is written with a file's first part and
-- removed when the file is published.
CREATE TABLE ingest_parts (
    file_id    INTEGER NOT NULL,
    path       VARCHAR NOT NULL,
    started_at TIMESTAMP NOT NULL
);
