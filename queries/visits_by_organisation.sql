-- name: visits_by_organisation
-- doc: Visits to the content catalogue's items per organisation in the period. The
-- doc: catalogue lists an item's organisations separated by ";" ("De Berkelhof; Vilans");
-- doc: each is a name as the catalogue writes it, except that an alias of bereik.toml's
-- doc: [[organisations]] counts as the organisation it names ("ASVZ (Ouders voor ouders)"
-- doc: as ASVZ), and names are compared without regard to case (the view
-- doc: content_item_organisations). A visit that viewed an item of two organisations counts
-- doc: for each, so the organisations' visits add up to more than the visits: the row with
-- doc: is_total = true gives the distinct visits and visitors over all items. organisation
-- doc: is '' for items without one. Visits and visitors are distinct per organisation. From
-- doc: visit logs (page_views) only.
-- param: from date optional -- first day of the period; none: from the first
-- param: to date optional -- last day of the period; none: to the last
-- column: organisation text -- NULL on the total row
-- column: is_total boolean
-- column: items integer -- the organisation's items with visits
-- column: visits integer
-- column: visitors integer
SELECT name AS organisation, is_total, items, visits, visitors
FROM catalogue_group_visits('organisation', $from, $to)
ORDER BY is_total, visits DESC, organisation
