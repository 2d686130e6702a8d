-- 008: daily totals of an account on a social platform (X's account exports by day), for
-- the own-channels figures where per-post figures are missing. A newer export of a day
-- replaces the older row of that day.
CREATE TABLE channel_days (
    file_id       INTEGER NOT NULL,
    line          BIGINT NOT NULL,
    platform      VARCHAR NOT NULL,   -- x
    day           DATE NOT NULL,
    posts         BIGINT,             -- posts published that day
    impressions   BIGINT,
    engagements   BIGINT,
    clicks        BIGINT,             -- link (URL) clicks
    likes         BIGINT,
    comments      BIGINT,             -- replies
    shares        BIGINT,             -- reposts, retweets
    video_views   BIGINT,
    new_followers BIGINT
);
