-- 006: Meta Ads Manager exports of every level (campaign, ad set, ad) and breakdown (age,
-- gender, placement, ... ; by time a row's reporting period is its day, week or month),
-- and every metric as the export names it: link clicks, clicks (all) and outbound clicks
-- are different metrics and each is stored as itself. Rates and costs (CTR, CPC, CPM,
-- cost per result, frequency) are never stored: they are recomputed from sums.

ALTER TABLE meta_ads ADD COLUMN level VARCHAR DEFAULT 'adset';   -- campaign, adset or ad
UPDATE meta_ads SET level = CASE WHEN ad_name <> '' THEN 'ad' ELSE 'adset' END;
-- Breakdown values, '' where the export has no such breakdown; breakdown names those
-- present, joined by '+' ('age+gender'), '' for none. Impressions, clicks, plays and spend
-- add up over breakdown rows; reach does not.
ALTER TABLE meta_ads ADD COLUMN age VARCHAR DEFAULT '';
ALTER TABLE meta_ads ADD COLUMN gender VARCHAR DEFAULT '';
ALTER TABLE meta_ads ADD COLUMN placement VARCHAR DEFAULT '';
ALTER TABLE meta_ads ADD COLUMN platform VARCHAR DEFAULT '';
ALTER TABLE meta_ads ADD COLUMN device_platform VARCHAR DEFAULT '';
ALTER TABLE meta_ads ADD COLUMN impression_device VARCHAR DEFAULT '';
ALTER TABLE meta_ads ADD COLUMN region VARCHAR DEFAULT '';
ALTER TABLE meta_ads ADD COLUMN country VARCHAR DEFAULT '';
ALTER TABLE meta_ads ADD COLUMN breakdown VARCHAR DEFAULT '';
ALTER TABLE meta_ads ADD COLUMN clicks_all BIGINT;
ALTER TABLE meta_ads ADD COLUMN outbound_clicks BIGINT;
ALTER TABLE meta_ads ADD COLUMN thruplays BIGINT;
ALTER TABLE meta_ads ADD COLUMN post_engagements BIGINT;
ALTER TABLE meta_ads ADD COLUMN results DOUBLE;
ALTER TABLE meta_ads ADD COLUMN result_indicator VARCHAR;
ALTER TABLE meta_ads RENAME COLUMN spend_eur TO spend;
ALTER TABLE meta_ads ADD COLUMN currency VARCHAR;                -- from the spend column's header: EUR, USD, ...
UPDATE meta_ads SET currency = 'EUR' WHERE spend IS NOT NULL;
-- The campaign --campaign named at ingest for an export without campaign column, '' if none.
ALTER TABLE meta_ads ADD COLUMN campaign_option VARCHAR DEFAULT '';

-- The Meta Ads rows that count between two days (NULL: no bound), each ad's delivery
-- counted once:
-- * one level per Meta campaign: its ad-set and ad rows where they reach as far as its
--   campaign rows, else its campaign rows; within a campaign, per ad set, its ad-set rows
--   or its ads' rows, whichever reaches the later reporting end (ad-set rows on a tie);
-- * per row of that level and reporting period, the rows without breakdown where there
--   are any, else the rows of one breakdown (the first by name): rows of two breakdowns
--   of the same delivery would count it twice;
-- * of cumulative exports of the same ad (and breakdown), only the longest period within
--   the window counts (an export to 12 September supersedes the one to 31 August); daily
--   rows, which hold no other, all count.
-- Exports whose periods overlap without one holding the other (rolling windows) are not
-- detected and would count twice.
CREATE MACRO ad_rows(from_, to_) AS TABLE
WITH windowed AS (
    SELECT * FROM meta_ads
    WHERE (from_ IS NULL OR reporting_start >= from_) AND (to_ IS NULL OR reporting_end <= to_)
),
campaign_level AS (
    SELECT campaign_name,
           coalesce(max(reporting_end) FILTER (WHERE level = 'campaign') >
                    coalesce(max(reporting_end) FILTER (WHERE level <> 'campaign'), DATE '0001-01-01'), false) AS by_campaign
    FROM windowed
    GROUP BY campaign_name
),
adset_level AS (
    SELECT campaign_name, adset_name,
           coalesce(max(reporting_end) FILTER (WHERE level = 'adset') >=
                    coalesce(max(reporting_end) FILTER (WHERE level = 'ad'), DATE '0001-01-01'), false) AS by_adset
    FROM windowed
    WHERE level <> 'campaign'
    GROUP BY campaign_name, adset_name
),
leveled AS (
    SELECT w.* FROM windowed w
    JOIN campaign_level c USING (campaign_name)
    LEFT JOIN adset_level a USING (campaign_name, adset_name)
    WHERE CASE WHEN c.by_campaign THEN w.level = 'campaign'
               ELSE w.level <> 'campaign' AND a.by_adset = (w.level = 'adset') END
),
broken AS (
    SELECT * FROM leveled
    QUALIFY breakdown = min(breakdown) OVER (PARTITION BY level, campaign_name, adset_name, ad_name, reporting_start, reporting_end)
)
SELECT r.* FROM broken r
WHERE NOT EXISTS (
    SELECT 1 FROM broken s
    WHERE s.level = r.level AND s.campaign_name = r.campaign_name AND s.adset_name = r.adset_name AND s.ad_name = r.ad_name
      AND s.breakdown = r.breakdown AND s.age = r.age AND s.gender = r.gender AND s.placement = r.placement
      AND s.platform = r.platform AND s.device_platform = r.device_platform
      AND s.impression_device = r.impression_device AND s.region = r.region AND s.country = r.country
      AND s.reporting_start <= r.reporting_start AND s.reporting_end >= r.reporting_end
      AND (s.reporting_start < r.reporting_start OR s.reporting_end > r.reporting_end));

-- The rows of ad_rows that count for a configured campaign's flights between two days.
-- Shared by the queries twinkel_flights, twinkel_totals, forecast, key_figures and funnel.
CREATE OR REPLACE MACRO campaign_rows(campaign_name_, from_, to_) AS TABLE
SELECT * FROM ad_rows(from_, to_)
WHERE campaign = campaign_name_ AND flight IS NOT NULL;
