-- name: visits_by_theme
-- doc: Visits to the content catalogue's items per theme in the period. The catalogue's
-- doc: themes cell may list several themes ("Vakmanschap & Trots en Zeggenschap &
-- doc: Dialoog"): it is split on " en ", commas and semicolons, and each theme written with
-- doc: a capital first letter (the view content_item_themes). A visit that viewed an item
-- doc: with two themes counts for each, so the themes' visits add up to more than the
-- doc: visits: the row with is_total = true gives the distinct visits and visitors over all
-- doc: items. theme is '' for items without a theme. items is the number of items of the
-- doc: theme that had visits. Visits and visitors are distinct per theme (a visit viewing
-- doc: two items of one theme counts once). From visit logs (page_views) only.
-- param: from date optional -- first day of the period; none: from the first
-- param: to date optional -- last day of the period; none: to the last
-- column: theme text -- NULL on the total row
-- column: is_total boolean
-- column: items integer -- the theme's items with visits
-- column: visits integer
-- column: visitors integer
SELECT name AS theme, is_total, items, visits, visitors
FROM catalogue_group_visits('theme', $from, $to)
ORDER BY is_total, visits DESC, theme
