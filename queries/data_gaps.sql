-- name: data_gaps
-- doc: Days without data, per source and site (or campaign), between the first and the
-- doc: last day that source has data for within the period: for page views (visit and
-- doc: access logs) every day should have a page view; for page reports every day should
-- doc: lie in a reported period; for a campaign's ads every day of a configured flight
-- doc: should lie in a reporting period (days between flights are not expected). days is
-- doc: the days expected, days_without_data those with no data, gaps the runs of
-- doc: consecutive missing days, longest_gap_start/end the longest run (the first of
-- doc: equally long ones). Organic posts are not daily and have no gaps.
-- param: from date optional -- first day of the period; none: from the first
-- param: to date optional -- last day of the period; none: to the last
-- column: source text -- page_views, page_reports or meta_ads
-- column: subject text -- the site, or the campaign
-- column: first_day date
-- column: last_day date
-- column: days integer -- days expected to have data
-- column: days_without_data integer
-- column: gaps integer -- runs of consecutive days without data
-- column: longest_gap_start date
-- column: longest_gap_end date
WITH covered AS (
    SELECT DISTINCT 'page_views' AS source, site AS subject, ts::DATE AS day
    FROM page_view_keys
    WHERE in_period(ts, $from, $to)
    UNION ALL
    SELECT DISTINCT 'page_reports', site, d::DATE
    FROM page_reports, unnest(generate_series(period_start::TIMESTAMP, period_end::TIMESTAMP, INTERVAL 1 DAY)) AS g(d)
    WHERE in_period(d, $from, $to)
    UNION ALL
    SELECT DISTINCT 'meta_ads', campaign, d::DATE
    FROM meta_ads, unnest(generate_series(reporting_start::TIMESTAMP, reporting_end::TIMESTAMP, INTERVAL 1 DAY)) AS g(d)
    WHERE campaign IS NOT NULL AND in_period(d, $from, $to)
),
spans AS (
    SELECT source, subject, min(day) AS first_day, max(day) AS last_day
    FROM covered
    GROUP BY source, subject
),
expected AS (
    SELECT s.source, s.subject, d::DATE AS day
    FROM spans s, unnest(generate_series(s.first_day::TIMESTAMP, s.last_day::TIMESTAMP, INTERVAL 1 DAY)) AS g(d)
    WHERE s.source <> 'meta_ads'
       OR EXISTS (SELECT 1 FROM campaign_flights f
                  WHERE f.campaign = s.subject AND d::DATE BETWEEN f.start_date AND f.end_date)
),
missing AS (
    SELECT e.source, e.subject, e.day,
           e.day - to_days(CAST(row_number() OVER (PARTITION BY e.source, e.subject ORDER BY e.day) AS INTEGER)) AS run
    FROM expected e
    ANTI JOIN covered c ON c.source = e.source AND c.subject = e.subject AND c.day = e.day
),
runs AS (
    SELECT source, subject, min(day) AS gap_start, max(day) AS gap_end, count(*) AS gap_days
    FROM missing
    GROUP BY source, subject, run
),
summary AS (
    SELECT source, subject, count(*) AS gaps, sum(gap_days) AS days_without_data,
           arg_max(gap_start, (gap_days, -epoch(gap_start))) AS longest_gap_start,
           arg_max(gap_end, (gap_days, -epoch(gap_start))) AS longest_gap_end
    FROM runs
    GROUP BY source, subject
)
SELECT s.source, s.subject, s.first_day, s.last_day,
       (SELECT count(*) FROM expected e WHERE e.source = s.source AND e.subject = s.subject) AS days,
       coalesce(m.days_without_data, 0)::BIGINT AS days_without_data,
       coalesce(m.gaps, 0) AS gaps,
       m.longest_gap_start, m.longest_gap_end
FROM spans s
LEFT JOIN summary m USING (source, subject)
ORDER BY CASE s.source WHEN 'page_views' THEN 1 WHEN 'page_reports' THEN 2 ELSE 3 END, s.subject
