-- name: data_period
-- doc: The first and last day of loaded data, over every source with dates (visit and
-- doc: access logs, page reports, ad exports, posts and an account's daily totals): the
-- doc: period a programme report (bereik report --programme) covers where bereik.toml
-- doc: gives no programme period.
-- column: first_day date
-- column: last_day date
SELECT min(first_day) AS first_day, max(last_day) AS last_day
FROM (
    SELECT min(ts)::DATE AS first_day, max(ts)::DATE AS last_day FROM page_view_keys
    UNION ALL
    SELECT min(period_start), max(period_end) FROM page_reports
    UNION ALL
    SELECT min(reporting_start), max(reporting_end) FROM meta_ads
    UNION ALL
    SELECT min(published_at)::DATE, max(published_at)::DATE FROM social_posts
    UNION ALL
    SELECT min(day), max(day) FROM channel_days
)
