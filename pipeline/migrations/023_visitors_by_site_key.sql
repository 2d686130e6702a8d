-- 023: a window's distinct visitors counted per site on a number, not on the site's name.

-- The programme visits of a window (named which_, from start_ to end_, both included), per
-- site: visits, distinct visitors and programme page views (as in 017). The visits are
-- grouped by the hash of their site: a hash table of (number, visitor) is built about a
-- third faster than one of (text, visitor) over millions of visits. (Every key here is a
-- 64-bit hash, as page_key and origin_key are.)
CREATE OR REPLACE MACRO window_programme_visits(which_, start_, end_) AS TABLE
SELECT which_ AS which, any_value(site) AS site, count(*) AS visits, count(DISTINCT visitor) AS visitors,
       sum(programme_views) AS page_views
FROM programme_visits(NULL, start_, end_)
GROUP BY hash(site);
