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
-- doc: quarter_visits are the quarter's visits over all channels (visits_per_quarter's
-- doc: visits) and share = visits / quarter_visits, the channel's part of them.
-- param: site text from configured.main_site -- site name from bereik.toml [[sites]]; none: [programme] main_site
-- param: from date optional -- first day of the period; none: from the first
-- param: to date optional -- last day of the period; none: to the last
-- column: quarter_start date -- the quarter's first day, or the period's where it cuts the quarter
-- column: quarter_end date
-- column: channel text -- a [[referrals]] channel, other, internal or direct
-- column: channel_rank integer ordinal -- the channels' order
-- column: visits integer -- visits add up over channels
-- column: visitors integer -- distinct per quarter and channel; they do not add up
-- column: quarter_visits integer -- the quarter's visits over all channels
-- column: share double rate -- visits / quarter_visits
-- The visits of the site with a page view of a programme page in the period.
-- The first page view in the period of each programme visit: where the visit came from.
-- A visit that started in the period: its first page view, from the per-visit table; one
-- that started before: its first page view from the period's start on.
WITH firsts AS (
    SELECT visitor, started, first_origin_key AS origin_key
    FROM programme_visits($site, $from, $to)
    WHERE $from IS NULL OR started >= $from::DATE
    UNION ALL
    SELECT any_value(pv.visitor), min(pv.ts), arg_min(pv.origin_key, pv.ts)
    FROM page_view_keys pv
    -- visits last less than a day: their page views from the period's start on lie on its
    -- first day.
    WHERE pv.site = $site AND in_period(pv.ts, $from, $to) AND pv.ts < $from::DATE + INTERVAL 1 DAY
      AND pv.visit_id IN (SELECT visit_id FROM programme_visits($site, $from, $to) WHERE started < $from::DATE)
    GROUP BY pv.visit_id
),
rules AS (
    SELECT priority, channel, match, lower(pattern) AS pattern FROM referral_rules
),
-- The rules are matched once per origin (UTM tags and referrer) of the origin dimension,
-- not per visit: a few hundred origins stand for millions of visits.
described AS (
    SELECT origin_key,
           coalesce(referrer, '') AS referrer,
           lower(trim(coalesce(utm_source, ''))) AS source_tag,
           lower(trim(coalesce(utm_medium, ''))) AS medium_tag,
           url_host(coalesce(referrer, '')) AS referrer_host
    FROM origins
),
matched AS (
    SELECT d.origin_key, min(r.priority) AS priority
    FROM described d
    JOIN rules r ON
         (r.match = 'utm_source' AND d.source_tag = r.pattern)
      OR (r.match = 'utm_medium' AND d.medium_tag = r.pattern)
      OR (r.match = 'referrer_host' AND d.referrer_host <> '' AND (
             CASE WHEN ends_with(r.pattern, '.')
                  -- 'google.' : google.<tld> or google.<sld>.<tld>, or any subdomain of those
                  THEN regexp_full_match(d.referrer_host, '(.+\.)?' || regexp_escape(r.pattern) || '[a-z0-9-]+(\.[a-z0-9-]+)?')
                  ELSE d.referrer_host = r.pattern OR ends_with(d.referrer_host, '.' || r.pattern)
             END))
    GROUP BY d.origin_key
),
origin_channels AS (
    SELECT d.origin_key,
           CASE
               WHEN m.priority IS NOT NULL THEN r.channel
               WHEN d.referrer_host IN (SELECT host FROM sites)
                 OR EXISTS (SELECT 1 FROM sites s WHERE ends_with(d.referrer_host, '.' || s.host)) THEN 'internal'
               WHEN d.referrer = '' AND d.source_tag = '' AND d.medium_tag = '' THEN 'direct'
               ELSE 'other'
           END AS channel
    FROM described d
    LEFT JOIN matched m USING (origin_key)
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
origin_ranks AS (
    SELECT o.origin_key, r.channel_rank FROM origin_channels o JOIN ranks r USING (channel)
),
-- Counted per quarter and channel's rank, a number: a hash table of (number, visitor) is
-- built faster than one of (text, visitor) over millions of visits.
counted AS (
    SELECT quarter_start(f.started) AS quarter_start, o.channel_rank,
           count(*) AS visits, count(DISTINCT f.visitor) AS visitors
    FROM firsts f
    JOIN origin_ranks o USING (origin_key)
    GROUP BY quarter_start, o.channel_rank
)
SELECT quarter_first_day(q.quarter_start, $from) AS quarter_start,
       quarter_last_day(q.quarter_start, $to) AS quarter_end,
       r.channel,
       q.channel_rank,
       q.visits,
       q.visitors,
       sum(q.visits) OVER (PARTITION BY q.quarter_start)::BIGINT AS quarter_visits,
       (q.visits / sum(q.visits) OVER (PARTITION BY q.quarter_start))::DOUBLE AS share
FROM counted q
JOIN ranks r USING (channel_rank)
ORDER BY quarter_start, channel_rank
