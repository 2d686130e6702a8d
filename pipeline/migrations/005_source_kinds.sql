-- 005: the source kinds ingest reads, as the pipeline's registry defines them, so that
-- queries and the report name a kind and judge its freshness from the database alone.
-- Rewritten by every ingest (syncConfig); the pipeline's kind files are the one source.
CREATE TABLE source_kinds (
    kind         VARCHAR NOT NULL,   -- as in ingest_log.kind
    label_nl     VARCHAR NOT NULL,   -- "Meta-advertenties"
    label_en     VARCHAR NOT NULL,   -- "Meta ads"
    target_table VARCHAR NOT NULL,   -- the table its rows land in
    personal     BOOLEAN NOT NULL,   -- rows hold visitor ids or client addresses
    staleness    VARCHAR NOT NULL    -- data: by its newest day; load: by its newest day or last load; never
);
