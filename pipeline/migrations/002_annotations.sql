-- 002: annotations, the analyst's notes on the time line ("start flight 2", "newsletter sent").
CREATE SEQUENCE annotation_id_seq START 1;
CREATE TABLE annotations (
    id         INTEGER NOT NULL,
    day        DATE NOT NULL,
    text       VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL
);
