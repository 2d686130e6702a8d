-- name: annotations
-- doc: The analyst's annotations (bereik annotate) in a period, by day: they mark the
-- doc: report's time-series charts.
-- param: from date optional -- first day of the period; none: from the first
-- param: to date optional -- last day of the period; none: to the last
-- column: day date
-- column: text text -- as the analyst wrote it (text, never markup)
SELECT day, text
FROM annotations
WHERE in_period(day, $from, $to)
ORDER BY day, id
