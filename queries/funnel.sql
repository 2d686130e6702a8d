-- name: funnel
-- doc: The campaign's funnel (Fig. 15): paid social posts (impressions and link clicks of
-- doc: the campaign's ads) -> the magazine site (visits, distinct visitors, average visit
-- doc: duration) -> the knowledge platform, for visits whose first page came from the
-- doc: magazine (the host of the referrer of the visit's first page view, empty for a
-- doc: direct visit). A visit across the period's start or end counts with its page views
-- doc: in the period.
-- doc: Average visit duration = total time on page / visits, in seconds. step_rate is each
-- doc: step's number as a fraction of the step before: the ads' link clicks / their
-- doc: impressions (the CTR, over the rows with link clicks as in twinkel_totals), the
-- doc: magazine's visits / the ads' link clicks (its visits come from any source, so it can
-- doc: pass 1), the platform's visits / the magazine's visits.
-- param: campaign text from configured.campaign -- campaign name from bereik.toml [[campaigns]]; none: the first
-- param: from date optional -- first day of the period; none: from the first
-- param: to date optional -- last day of the period; none: to the last
-- param: magazine text from configured.magazine_site -- the campaign's landing site ([[campaigns]] magazine_site)
-- param: platform text from configured.main_site -- the knowledge platform ([programme] main_site)
-- column: step integer ordinal
-- column: stage text -- ads, magazine or platform
-- column: impressions integer -- the ads' impressions
-- column: clicks integer -- the ads' link clicks
-- column: visits integer -- a site's visits
-- column: visitors integer -- a site's distinct visitors over the whole period
-- column: avg_visit_seconds double duration -- total time on page / visits
-- column: step_rate double rate -- clicks / impressions for the ads; visits / the step before's clicks or visits
WITH magazine_hosts AS (SELECT host FROM sites WHERE site = $magazine),
-- The origins whose referrer's host is the magazine's, among the few distinct ones (the
-- origin dimension).
magazine_origins AS (
    SELECT origin_key FROM origins WHERE url_host(referrer) IN (SELECT host FROM magazine_hosts)
),
-- The sites' visits in the period, from the per-visit table (period_visits): a visit's
-- figures are those of its page views in the period.
magazine_visits AS (
    SELECT visit_id, visitor, seconds FROM period_visits($magazine, $from, $to)
),
-- The platform's visits whose first page view in the period came from the magazine.
platform_visits AS (
    SELECT visit_id, visitor, seconds FROM period_visits($platform, $from, $to)
    WHERE first_origin_key IN (SELECT origin_key FROM magazine_origins)
),
ads AS (
    SELECT sum(impressions)::BIGINT AS impressions, sum(link_clicks)::BIGINT AS clicks,
           sum(impressions) FILTER (WHERE link_clicks IS NOT NULL) AS clicked_impressions
    FROM campaign_rows($campaign, $from::DATE, $to::DATE)
),
steps AS (
    SELECT 1 AS step, 'ads' AS stage, impressions, clicks,
           NULL::BIGINT AS visits, NULL::BIGINT AS visitors, NULL::DOUBLE AS avg_visit_seconds
    FROM ads
    UNION ALL
    SELECT 2, 'magazine', NULL, NULL, count(*), count(DISTINCT visitor), (sum(seconds) / nullif(count(*), 0))::DOUBLE
    FROM magazine_visits
    UNION ALL
    SELECT 3, 'platform', NULL, NULL, count(*), count(DISTINCT visitor), (sum(seconds) / nullif(count(*), 0))::DOUBLE
    FROM platform_visits
)
SELECT *,
       (CASE WHEN stage = 'ads' THEN clicks / nullif((SELECT clicked_impressions FROM ads), 0)
             ELSE visits / nullif(lag(coalesce(visits, clicks)) OVER (ORDER BY step), 0) END)::DOUBLE AS step_rate
FROM steps
ORDER BY step
