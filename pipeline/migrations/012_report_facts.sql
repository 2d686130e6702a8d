-- 012: what the report's questions share, said once. The programme's facts from
-- bereik.toml (its name, period and main site, each site's label, each campaign's magazine
-- and format order), rewritten by every ingest; the expressions several queries used to
-- spell out themselves, as macros; the catalogue's themes and organisations as bridge
-- views; and no sentinel dates: a NULL bound is no bound.

-- [programme] of bereik.toml: one row, written by every ingest.
CREATE TABLE programme (
    name      VARCHAR NOT NULL,   -- the report's title; '' where bereik.toml names none
    first_day DATE,               -- the programme's period, NULL where not configured
    last_day  DATE,
    main_site VARCHAR             -- the site whose visits and referrals the report shows
);

-- [[sites]]: how the report names each site, in the order of bereik.toml.
CREATE TABLE site_labels (
    site     VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    label    VARCHAR NOT NULL,    -- [[sites]] label, else the site's name
    host     VARCHAR NOT NULL     -- its first host without "www.", as a sentence names it
);

-- [[campaigns]]: in the order of bereik.toml, with the magazine its ads lead to.
CREATE TABLE campaigns (
    campaign        VARCHAR NOT NULL,
    position        INTEGER NOT NULL,
    magazine_site   VARCHAR,      -- [[campaigns]] magazine_site
    magazine_prefix VARCHAR       -- the path the campaign's articles on it lie under
);

-- [[campaigns.formats]], in the order of bereik.toml: the order formats are shown in.
CREATE TABLE campaign_formats (
    campaign VARCHAR NOT NULL,
    format   VARCHAR NOT NULL,
    position INTEGER NOT NULL
);

-- The values a query takes from the configuration when `bereik query` is not given them
-- (`-- param: site text from configured.main_site`): one row.
CREATE VIEW configured AS
SELECT p.main_site, c.campaign, c.magazine_site, c.magazine_prefix
FROM (SELECT 1 AS one) o
LEFT JOIN programme p ON true
LEFT JOIN (SELECT * FROM campaigns ORDER BY position LIMIT 1) c ON true;

-- The order lists are shown in: the platforms of the own channels (as the post parsers
-- name them) and the campaigns' ad formats (as bereik.toml lists them).
CREATE VIEW display_order AS
SELECT 'platform' AS list, platform AS item, position
FROM (VALUES ('linkedin', 1), ('facebook', 2), ('instagram', 3), ('x', 4), ('youtube', 5)) AS p(platform, position)
UNION ALL
SELECT 'format', format, min(position) FROM campaign_formats GROUP BY format;

-- An item's place in a list of display_order; anything the list does not hold comes last.
CREATE MACRO display_position(list_, item_) AS
    coalesce((SELECT min(o.position) FROM display_order o WHERE o.list = list_ AND o.item = item_), 1000000);

-- Whether a moment or a day lies in a period of days, both included; a NULL bound is no
-- bound. A missing moment lies in no period.
CREATE MACRO in_period(t, from_, to_) AS
    t IS NOT NULL AND (from_ IS NULL OR t >= from_::DATE) AND (to_ IS NULL OR t < to_::DATE + INTERVAL 1 DAY);

-- The first day of the quarter a moment falls in; quarters start in
-- settings.quarter_start_month (9: September-November is a quarter).
CREATE MACRO quarter_start(t) AS
    (date_trunc('month', t)
     - to_months(CAST((month(t) - (SELECT max(quarter_start_month) FROM settings) + 12) % 3 AS INTEGER)))::DATE;

-- The days of a quarter that a period covers: a quarter the period cuts is named by the
-- part it covers. A NULL bound cuts nothing.
CREATE MACRO quarter_first_day(quarter_start_, from_) AS greatest(quarter_start_, from_::DATE);
CREATE MACRO quarter_last_day(quarter_start_, to_) AS
    least((quarter_start_ + INTERVAL 3 MONTH - INTERVAL 1 DAY)::DATE, to_::DATE);

-- The host of a URL, lower-case, '' where it has none (a direct visit).
CREATE MACRO url_host(url) AS
    lower(coalesce(regexp_extract(url, '^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#@]+)', 1), ''));

-- What a post's reach is measured by: views for YouTube (YouTube Studio's impressions are
-- thumbnails shown in lists, not plays), impressions elsewhere; and that measure's value.
CREATE MACRO post_metric(platform) AS CASE WHEN platform = 'youtube' THEN 'views' ELSE 'impressions' END;
CREATE MACRO post_impressions(platform, impressions, video_views) AS
    CASE WHEN post_metric(platform) = 'views' THEN video_views ELSE impressions END;

-- Whether a page is a catalogue item's: its page, or for an item whose URL ends in * any
-- page under it.
CREATE MACRO item_holds(item_path, is_prefix, path) AS
    path = item_path OR (is_prefix AND starts_with(path, item_path));

CREATE OR REPLACE VIEW programme_pages AS
SELECT DISTINCT site, path FROM (
    SELECT pv.site, pv.path
    FROM (SELECT DISTINCT site, path FROM page_views) pv
    JOIN programme_prefixes pp ON pp.site = pv.site AND starts_with(pv.path, pp.prefix)
    UNION ALL
    SELECT pv.site, pv.path
    FROM (SELECT DISTINCT site, path FROM page_views) pv
    JOIN content_items ci ON ci.site = pv.site AND item_holds(ci.path, ci.is_prefix, pv.path)
);

-- 004's catalogue_item_views, with NULL for "no bound" (campaign_rows takes NULL since
-- migration 006).
CREATE OR REPLACE MACRO catalogue_item_views(from_, to_) AS TABLE
WITH items AS (
    SELECT nr, site, path, is_prefix
    FROM content_items
    WHERE site IS NOT NULL AND coalesce(path, '') <> ''
),
item_pages AS MATERIALIZED (
    SELECT DISTINCT pg.site, pg.path, i.nr
    FROM (SELECT DISTINCT site, path FROM page_views
          WHERE in_period(ts, from_, to_) AND site IN (SELECT site FROM items)) pg
    JOIN items i ON i.site = pg.site AND item_holds(i.path, i.is_prefix, pg.path)
)
SELECT DISTINCT ip.nr, pv.site, pv.visit_id, pv.visitor
FROM page_views pv
JOIN item_pages ip ON ip.site = pv.site AND ip.path = pv.path
WHERE in_period(pv.ts, from_, to_);

-- The catalogue's themes, one row per item and theme. The themes cell may list several
-- ("Vakmanschap & Trots en Zeggenschap & Dialoog"): it is split on " en ", commas and
-- semicolons, and each theme written with a capital first letter; '' for an item without.
CREATE VIEW content_item_themes AS
SELECT DISTINCT nr, CASE WHEN t = '' THEN '' ELSE upper(t[1]) || t[2:] END AS theme
FROM (
    SELECT nr, trim(unnest(CASE WHEN trim(coalesce(themes, '')) = '' THEN ['']
                                ELSE regexp_split_to_array(themes, '\s+en\s+|\s*[,;]\s*') END)) AS t
    FROM content_items
);

-- The catalogue's organisations, one row per item and organisation. The cell is free text
-- that may list several ("De Berkelhof en Vilans", "Siza, Zozijn, Pluryn"): a note in
-- brackets is dropped ("ASVZ (Ouders voor ouders)" is ASVZ), the rest is split on commas,
-- semicolons and " en ", a lead-in ending in a colon is dropped ("Focusgroep kleine
-- zorgorganisaties: Active4you" is Active4you), and names that differ only in case are one
-- organisation, spelled as the first in sort order; '' for an item without one.
CREATE VIEW content_item_organisations AS
WITH names AS (
    SELECT nr, trim(regexp_replace(trim(n), '^[^:]*:\s*', '')) AS name
    FROM (
        SELECT nr, unnest(CASE WHEN trim(coalesce(organisations, '')) = '' THEN ['']
                               ELSE regexp_split_to_array(regexp_replace(organisations, '\s*\([^)]*\)', '', 'g'),
                                                          '\s*[,;]\s*|\s+en\s+') END) AS n
        FROM content_items
    )
)
SELECT DISTINCT n.nr, s.organisation
FROM names n
JOIN (SELECT lower(name) AS key, min(name) AS organisation FROM names GROUP BY lower(name)) s
  ON s.key = lower(n.name)
WHERE n.name <> '' OR NOT EXISTS (SELECT 1 FROM names m WHERE m.nr = n.nr AND m.name <> '');

-- Both bridges as one: facet is 'theme' or 'organisation'.
CREATE VIEW content_item_groups AS
SELECT 'theme' AS facet, nr, theme AS name FROM content_item_themes
UNION ALL
SELECT 'organisation', nr, organisation FROM content_item_organisations;

-- The visits to the catalogue's items per theme or per organisation (facet_) in a period:
-- per group its items with visits and its distinct visits and visitors; a visit to items
-- of two groups counts for each. The row with is_total = true (name NULL) is the distinct
-- visits and visitors over all items. Shared by visits_by_theme and visits_by_organisation.
CREATE MACRO catalogue_group_visits(facet_, from_, to_) AS TABLE
WITH item_views AS (SELECT * FROM catalogue_item_views(from_, to_)),
group_views AS (
    SELECT DISTINCT g.name, v.nr, v.site, v.visit_id, v.visitor
    FROM item_views v
    JOIN content_item_groups g ON g.nr = v.nr AND g.facet = facet_
)
SELECT name, false AS is_total,
       count(DISTINCT nr) AS items,
       count(DISTINCT (site, visit_id)) AS visits,
       count(DISTINCT (site, visitor)) AS visitors
FROM group_views
GROUP BY name
UNION ALL
SELECT NULL, true,
       count(DISTINCT nr),
       count(DISTINCT (site, visit_id)),
       count(DISTINCT (site, visitor))
FROM item_views
HAVING count(*) > 0;
