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
-- doc: Quarters start in settings.quarter_start_month; a quarter the period cuts shows
-- doc: the part of it that the period covers. Posts without a publication time are left out.
-- param: from date = 1900-01-01 -- first day of the period (publication date)
-- param: to date = 9999-12-31 -- last day of the period (publication date)
WITH posts AS (
    -- YouTube's impressions are thumbnails shown, not plays: its views stand in.
    SELECT platform, published_at, CASE WHEN platform = 'youtube' THEN video_views ELSE impressions END AS impressions, reach,
           coalesce(engagements,
                    CASE WHEN likes IS NOT NULL OR comments IS NOT NULL OR shares IS NOT NULL OR clicks IS NOT NULL
                         THEN coalesce(likes, 0) + coalesce(comments, 0) + coalesce(shares, 0) + coalesce(clicks, 0)
                    END) AS engagements
    FROM social_posts
    WHERE published_at >= $from::DATE AND published_at < $to::DATE + INTERVAL 1 DAY
),
in_quarters AS (
    SELECT p.*,
           (date_trunc('month', p.published_at)
            - to_months(CAST((month(p.published_at) - s.quarter_start_month + 12) % 3 AS INTEGER)))::DATE AS quarter_start
    FROM posts p
    CROSS JOIN settings s
)
SELECT greatest(quarter_start, $from::DATE) AS quarter_start,
       least((quarter_start + INTERVAL 3 MONTH - INTERVAL 1 DAY)::DATE, $to::DATE) AS quarter_end,
       platform,
       count(*) AS posts,
       sum(impressions)::BIGINT AS impressions,
       sum(engagements)::BIGINT AS engagements,
       (sum(engagements) FILTER (WHERE impressions IS NOT NULL)
        / nullif(sum(impressions) FILTER (WHERE engagements IS NOT NULL), 0))::DOUBLE AS engagement_rate,
       sum(reach)::BIGINT AS reach_sum
FROM in_quarters
GROUP BY quarter_start, platform
ORDER BY quarter_start,
         CASE platform WHEN 'linkedin' THEN 1 WHEN 'facebook' THEN 2 WHEN 'instagram' THEN 3
                       WHEN 'x' THEN 4 WHEN 'youtube' THEN 5 ELSE 6 END,
         platform
