-- name: channel_reach
-- doc: Reach and engagement of the platform's own social channels per quarter and platform
-- doc: (Fig. 13), from the organic posts published in the period (lifetime figures as of
-- doc: the latest export, counted in the quarter the post was published): posts,
-- doc: impressions (for YouTube its views: YouTube's impressions are thumbnails shown in
-- doc: lists, not plays), engagements and engagement_rate = sum(engagements) / sum(impressions),
-- doc: over the posts that have both. A post's engagements are its exported engagements,
-- doc: or where the export has none, likes + comments + shares + clicks (a missing one
-- doc: counting as 0; NULL when all four are missing). reach_sum adds the posts' reach:
-- doc: someone who saw two posts counts twice, so it is an upper bound, not unique reach.
-- doc: Where a platform and quarter have no post at all but an account's daily totals
-- doc: (channel_days: X's account exports by day), the row adds up those days instead
-- doc: (posts published, impressions, engagements; no reach), and source says so:
-- doc: posts or account_days (the own_channel_rows macro). Quarters start in
-- doc: settings.quarter_start_month; a quarter the period cuts shows the part of it that
-- doc: the period covers. Posts without a publication time are left out.
-- param: from date optional -- first day of the period (publication date); none: from the first
-- param: to date optional -- last day of the period (publication date); none: to the last
-- column: quarter_start date -- the quarter's first day, or the period's where it cuts the quarter
-- column: quarter_end date -- the quarter's last day, or the period's
-- column: platform text -- linkedin, facebook, instagram, x, youtube
-- column: posts integer
-- column: impressions integer -- for YouTube its views
-- column: engagements integer
-- column: engagement_rate double rate -- sum(engagements) / sum(impressions)
-- column: reach_sum integer -- an upper bound, not unique reach
-- column: source text -- posts, or account_days where the figures are an account's daily totals
SELECT quarter_first_day(quarter_start, $from) AS quarter_start,
       quarter_last_day(quarter_start, $to) AS quarter_end,
       platform,
       sum(posts)::BIGINT AS posts,
       sum(impressions)::BIGINT AS impressions,
       sum(engagements)::BIGINT AS engagements,
       (sum(engagements) FILTER (WHERE impressions IS NOT NULL)
        / nullif(sum(impressions) FILTER (WHERE engagements IS NOT NULL), 0))::DOUBLE AS engagement_rate,
       sum(reach)::BIGINT AS reach_sum,
       any_value(source) AS source
FROM own_channel_rows($from, $to)
GROUP BY quarter_start, platform
ORDER BY quarter_start, display_position('platform', platform), platform
