-- name: annotations
-- doc: The analyst's annotations (bereik annotate) in a period, by day: they mark the
-- doc: report's time-series charts.
-- param: from date = 1900-01-01 -- first day of the period
-- param: to date = 9999-12-31 -- last day of the period
SELECT day, text
FROM annotations
WHERE day BETWEEN $from::DATE AND $to::DATE
ORDER BY day, id
