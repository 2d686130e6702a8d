-- 016: what the report needs to tell its story with numbers that agree: the windows a
-- period is compared with, said once; the own channels' figures with X's daily account
-- totals where a quarter has no per-post figures; and the catalogue's organisations as
-- the list it writes (separated by ";"), with the aliases of bereik.toml.

-- The windows a period is compared with, one row each: the period itself ('current'),
-- the previous period of equal length ending the day before it ('previous': the same
-- number of whole months where the period is whole months, so that a quarter is compared
-- with the quarter before, else the same number of days), and the same period a year
-- earlier ('year_earlier'; overlaps_current where it overlaps the period, as a period of
-- more than a year does). Used by site_key_figures (key_figures spells the same out).
CREATE MACRO comparison_windows(from_, to_) AS TABLE
WITH shape AS (
    SELECT f, t,
           day(f) = 1 AND day((t + INTERVAL 1 DAY)::DATE) = 1 AS whole_months,
           (year(t) * 12 + month(t)) - (year(f) * 12 + month(f)) + 1 AS months,
           datediff('day', f, t) + 1 AS days
    FROM (SELECT from_::DATE AS f, to_::DATE AS t)
)
SELECT 'current' AS which, f AS start_day, t AS end_day, false AS overlaps_current FROM shape
UNION ALL
SELECT 'previous',
       CASE WHEN whole_months THEN (f - to_months(months))::DATE ELSE (f - to_days(days))::DATE END,
       (f - INTERVAL 1 DAY)::DATE, false
FROM shape
UNION ALL
SELECT 'year_earlier', y_start, y_end, y_end >= f
FROM (SELECT f, (f - INTERVAL 1 YEAR)::DATE AS y_start,
             CASE WHEN whole_months THEN last_day((t - INTERVAL 1 YEAR)::DATE) ELSE (t - INTERVAL 1 YEAR)::DATE END AS y_end
      FROM shape);

-- The own channels' figures between two days (NULL: no bound), one row per post or per
-- day of an account's daily totals, with the quarter it counts in:
-- * every organic post published in the period (social_posts), source 'posts';
-- * an account's daily totals (channel_days, X's account exports by day), source
--   'account_days', only for a platform and quarter (as far as the period covers it) that
--   has no post at all: the two never count the same days twice.
-- impressions is the measure a post's reach is counted by (post_impressions: views for
-- YouTube); engagements are the exported ones, or likes + comments + shares + clicks
-- where the export has none (NULL when all four are missing). Daily totals have no reach.
-- Shared by channel_reach (Fig. 13) and key_figures (the own posts' impressions).
CREATE MACRO own_channel_rows(from_, to_) AS TABLE
WITH posts AS (
    SELECT platform, quarter_start(published_at) AS quarter_start, 'posts' AS source, 1 AS posts,
           post_impressions(platform, impressions, video_views) AS impressions, reach,
           coalesce(engagements,
                    CASE WHEN likes IS NOT NULL OR comments IS NOT NULL OR shares IS NOT NULL OR clicks IS NOT NULL
                         THEN coalesce(likes, 0) + coalesce(comments, 0) + coalesce(shares, 0) + coalesce(clicks, 0)
                    END) AS engagements
    FROM social_posts
    WHERE in_period(published_at, from_, to_)
),
days AS (
    SELECT platform, quarter_start(day) AS quarter_start, 'account_days' AS source, posts,
           impressions, NULL::BIGINT AS reach,
           coalesce(engagements,
                    CASE WHEN likes IS NOT NULL OR comments IS NOT NULL OR shares IS NOT NULL OR clicks IS NOT NULL
                         THEN coalesce(likes, 0) + coalesce(comments, 0) + coalesce(shares, 0) + coalesce(clicks, 0)
                    END) AS engagements
    FROM channel_days
    WHERE in_period(day, from_, to_)
)
SELECT * FROM posts
UNION ALL
SELECT d.* FROM days d
WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.platform = d.platform AND p.quarter_start = d.quarter_start);

-- [[organisations]] of bereik.toml: another spelling of an organisation in the content
-- catalogue (compared without regard to case), and the organisation it names. Written by
-- every ingest.
CREATE TABLE organisation_aliases (
    alias        VARCHAR NOT NULL,
    organisation VARCHAR NOT NULL
);

-- The catalogue's organisations, one row per item and organisation. The catalogue lists
-- an item's organisations separated by ";" ("De Berkelhof; Vilans"); each is trimmed, an
-- alias of bereik.toml becomes the organisation it names, and names that differ only in
-- case are one organisation, spelled as the first in sort order; '' for an item without
-- one. Nothing else is split or dropped: a name is what the catalogue writes.
CREATE OR REPLACE VIEW content_item_organisations AS
WITH listed AS (
    SELECT nr, trim(unnest(CASE WHEN trim(coalesce(organisations, '')) = '' THEN ['']
                                ELSE string_split(organisations, ';') END)) AS listed
    FROM content_items
),
names AS (
    SELECT l.nr, coalesce(a.organisation, l.listed) AS name
    FROM listed l
    LEFT JOIN (SELECT lower(trim(alias)) AS alias, any_value(organisation) AS organisation
               FROM organisation_aliases GROUP BY lower(trim(alias))) a
      ON a.alias = lower(l.listed)
)
SELECT DISTINCT n.nr, s.organisation
FROM names n
JOIN (SELECT lower(name) AS key, min(name) AS organisation FROM names GROUP BY lower(name)) s
  ON s.key = lower(n.name)
WHERE n.name <> '' OR NOT EXISTS (SELECT 1 FROM names m WHERE m.nr = n.nr AND m.name <> '');
