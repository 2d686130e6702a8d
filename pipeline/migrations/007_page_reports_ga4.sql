-- 007: Google Analytics 4 page reports (Pages and screens, Landing page): users instead of
-- unique page views, average engagement time instead of time on page, and event counts.
ALTER TABLE page_reports ADD COLUMN users BIGINT;                -- GA4 Users or Active users
ALTER TABLE page_reports ADD COLUMN avg_engagement_time DOUBLE;  -- GA4, seconds per user
ALTER TABLE page_reports ADD COLUMN event_count BIGINT;          -- GA4
ALTER TABLE page_reports ADD COLUMN sessions BIGINT;             -- GA4 landing pages
-- Which report of its tool a row comes from: pages, page_titles or landing_pages. A
-- landing page's sessions are not page views, and a row of one report never replaces a
-- row of another.
ALTER TABLE page_reports ADD COLUMN report VARCHAR DEFAULT 'pages';
UPDATE page_reports SET report = 'page_titles' WHERE page_title <> '';
