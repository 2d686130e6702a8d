-- name: top_posts
-- doc: The most seen organic posts per platform, published in the period, by the metric
-- doc: named in `metric`: impressions for LinkedIn, Facebook, Instagram and X, views for
-- doc: YouTube (YouTube Studio's per-video figure; its impressions are thumbnail
-- doc: impressions, not plays). value is that metric; posts without it are left out.
-- doc: Lifetime figures as of the latest export. title and url are as exported (untrusted
-- doc: text). Ties are broken by publication time, then post id.
-- param: from date optional -- first day of the period (publication date); none: from the first
-- param: to date optional -- last day of the period (publication date); none: to the last
-- param: limit integer = 5 -- posts per platform
-- column: platform text
-- column: rank integer ordinal
-- column: metric text -- impressions, or views for YouTube
-- column: value integer -- the metric's value
-- column: published_at timestamp
-- column: title text -- as exported (untrusted text)
-- column: url text -- as exported (untrusted text)
-- column: post_id text
WITH measured AS (
    SELECT platform,
           post_metric(platform) AS metric,
           post_impressions(platform, impressions, video_views) AS value,
           published_at, title, url, post_id
    FROM social_posts
    WHERE in_period(published_at, $from, $to)
)
SELECT platform,
       row_number() OVER (PARTITION BY platform ORDER BY value DESC, published_at, post_id) AS rank,
       metric, value, published_at, title, url, post_id
FROM measured
WHERE value IS NOT NULL
QUALIFY rank <= $limit
ORDER BY display_position('platform', platform), platform, rank
