-- name: referral_sources
-- doc: Visits and visitors to the programme's pages of one site per quarter, by the referral
-- doc: channel of the visit's first page view (Fig. 12). The channel comes from the
-- doc: referral rules of bereik.toml ([[referrals]], table referral_rules), tried in order,
-- doc: the first match winning: utm_source or utm_medium equal to a rule's value, or a
-- doc: referrer host equal to a rule's host or a subdomain of it ('google.' matches Google
-- doc: under any top-level domain). A first page view no rule matches is 'internal' when its
-- doc: referrer is one of the configured sites, 'direct' when it has neither referrer nor
-- doc: UTM tag, and 'other' otherwise. Every visit has one channel, so visits add up over
-- doc: channels; visitors are distinct per quarter and channel and do not add up (one
-- doc: visitor can come through two channels). channel_rank orders the channels as the
-- doc: rules do, then other, internal, direct. Quarters as in visits_per_quarter.
-- param: site text = kennisplein -- site name from bereik.toml [[sites]]
-- param: from date = 1900-01-01 -- first day of the period
-- param: to date = 9999-12-31 -- last day of the period
WITH views AS (
    SELECT visit_id, visitor, ts, path, referrer, utm_source, utm_medium
    FROM page_views
    WHERE site = $site AND ts >= $from::DATE AND ts < $to::DATE + INTERVAL 1 DAY
),
programme_visits AS (
    SELECT DISTINCT v.visit_id
    FROM views v
    WHERE EXISTS (SELECT 1 FROM programme_pages pp WHERE pp.site = $site AND pp.path = v.path)
),
-- The first page view of each programme visit (within the period): where the visit came from.
firsts AS (
    SELECT v.visit_id,
           any_value(v.visitor) AS visitor,
           min(v.ts) AS started,
           lower(trim(arg_min_null(v.utm_source, v.ts))) AS utm_source,
           lower(trim(arg_min_null(v.utm_medium, v.ts))) AS utm_medium,
           lower(regexp_extract(arg_min_null(v.referrer, v.ts), '^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#@]+)', 1)) AS referrer_host,
           arg_min_null(v.referrer, v.ts) AS referrer
    FROM views v
    SEMI JOIN programme_visits p ON p.visit_id = v.visit_id
    GROUP BY v.visit_id
),
rules AS (
    SELECT priority, channel, match, lower(pattern) AS pattern FROM referral_rules
),
matched AS (
    SELECT f.visit_id, min(r.priority) AS priority
    FROM firsts f
    JOIN rules r ON
         (r.match = 'utm_source' AND f.utm_source = r.pattern)
      OR (r.match = 'utm_medium' AND f.utm_medium = r.pattern)
      OR (r.match = 'referrer_host' AND f.referrer_host <> '' AND (
             CASE WHEN ends_with(r.pattern, '.')
                  -- 'google.' : google.<tld> or google.<sld>.<tld>, or any subdomain of those
                  THEN regexp_full_match(f.referrer_host, '(.+\.)?' || regexp_escape(r.pattern) || '[a-z0-9-]+(\.[a-z0-9-]+)?')
                  ELSE f.referrer_host = r.pattern OR ends_with(f.referrer_host, '.' || r.pattern)
             END))
    GROUP BY f.visit_id
),
channelled AS (
    SELECT f.visitor,
           f.started,
           CASE
               WHEN m.priority IS NOT NULL THEN r.channel
               WHEN f.referrer_host IN (SELECT host FROM sites)
                 OR EXISTS (SELECT 1 FROM sites s WHERE ends_with(f.referrer_host, '.' || s.host)) THEN 'internal'
               WHEN coalesce(f.referrer, '') = '' AND coalesce(f.utm_source, '') = '' AND coalesce(f.utm_medium, '') = '' THEN 'direct'
               ELSE 'other'
           END AS channel
    FROM firsts f
    LEFT JOIN matched m USING (visit_id)
    LEFT JOIN rules r ON r.priority = m.priority
),
ranks AS (
    SELECT channel, row_number() OVER (ORDER BY min(priority), channel) AS channel_rank
    FROM (
        SELECT channel, priority FROM rules
        UNION ALL VALUES ('other', 1000001), ('internal', 1000002), ('direct', 1000003)
    )
    GROUP BY channel
),
in_quarters AS (
    SELECT c.*,
           (date_trunc('month', c.started)
            - to_months(CAST((month(c.started) - s.quarter_start_month + 12) % 3 AS INTEGER)))::DATE AS quarter_start
    FROM channelled c
    CROSS JOIN settings s
)
SELECT greatest(q.quarter_start, $from::DATE) AS quarter_start,
       least((q.quarter_start + INTERVAL 3 MONTH - INTERVAL 1 DAY)::DATE, $to::DATE) AS quarter_end,
       q.channel,
       min(r.channel_rank) AS channel_rank,
       count(*) AS visits,
       count(DISTINCT q.visitor) AS visitors
FROM in_quarters q
JOIN ranks r USING (channel)
GROUP BY q.quarter_start, q.channel
ORDER BY quarter_start, channel_rank
