-- 010: referrers keep their scheme, host and path only. A referrer's query string,
-- fragment, user information and port can carry personal data (an e-mail address in a
-- newsletter's link, an IP address in a search); ingest no longer stores them
-- (pipeline/privacy.go, referrerPage), and this takes them out of the referrers stored
-- before. A referrer without a scheme that holds an @ is dropped.
UPDATE page_views
SET referrer = CASE
    WHEN NOT regexp_matches(regexp_replace(referrer, '[?#].*$', ''), '^[A-Za-z][A-Za-z0-9+.-]*://')
        THEN CASE WHEN contains(regexp_replace(referrer, '[?#].*$', ''), '@') THEN NULL
                  ELSE nullif(regexp_replace(referrer, '[?#].*$', ''), '') END
    ELSE regexp_replace(
            regexp_replace(
                regexp_replace(referrer, '[?#].*$', ''),
                '^([A-Za-z][A-Za-z0-9+.-]*://)[^/]*@', '\1'),
            '^([A-Za-z][A-Za-z0-9+.-]*://(\[[^\]/]*\]|[^/:\[]*)):[^/]*', '\1')
    END
WHERE regexp_matches(referrer, '[?#@]|^[A-Za-z][A-Za-z0-9+.-]*://[^/]*:');
