-- name: top_posts
-- doc: The most seen organic posts per platform, published in the period, by the metric
-- doc: named in `metric`: impressions for LinkedIn, Facebook, Instagram and X, views for
-- doc: YouTube (YouTube Studio's per-video figure; its impressions are thumbnail
-- doc: impressions, not plays). value is that metric; posts without it are left out.
-- doc: Lifetime figures as of the latest export. title and url are as exported (untrusted
-- doc: text). Ties are broken by publication time, then post id.
-- param: from date = 1900-01-01 -- first day of the period (publication date)
-- param: to date = 9999-12-31 -- last day of the period (publication date)
-- param: limit integer = 5 -- posts per platform
WITH measured AS (
    SELECT platform,
           CASE WHEN platform = 'youtube' THEN 'views' ELSE 'impressions' END AS metric,
           CASE WHEN platform = 'youtube' THEN video_views ELSE impressions END AS value,
           published_at, title, url, post_id
    FROM social_posts
    WHERE published_at >= $from::DATE AND published_at < $to::DATE + INTERVAL 1 DAY
)
SELECT platform,
       row_number() OVER (PARTITION BY platform ORDER BY value DESC, published_at, post_id) AS rank,
       metric, value, published_at, title, url, post_id
FROM measured
WHERE value IS NOT NULL
QUALIFY rank <= $limit
ORDER BY CASE platform WHEN 'linkedin' THEN 1 WHEN 'facebook' THEN 2 WHEN 'instagram' THEN 3
                       WHEN 'x' THEN 4 WHEN 'youtube' THEN 5 ELSE 6 END,
         platform, rank
