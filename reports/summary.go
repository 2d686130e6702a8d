package reports

// summary is the story of the period on the first screen, in three to five sentences
// written from the data: the visits to the main site's programme pages and their change,
// the campaign's impressions, clicks and CTR, its forecast (or, after it, its outcome),
// the best article and the own channels' impressions. Every number in it comes from a
// table of the report, formatted as that table formats it; a sentence whose numbers the
// period does not have is left out.
func (r *Report) summary(l locale) []sentence {
	var out []sentence
	period := l.periodWords(r.Options.From, r.Options.To)
	main := r.site(r.Options.MainSite)
	if v := r.mainSiteVisits(); v != nil && v.Value != nil {
		switch {
		case v.PreviousValue != nil && v.ChangeVsPrevious != nil:
			out = append(out, l.sentence(phSummaryVisitsChange, period, number(l.count(*v.Value)), main.Label,
				number(l.trend(v.ChangeVsPrevious).Text), l.span(v.PreviousStart, v.PreviousEnd), number(l.count(*v.PreviousValue))))
		case v.NewInPeriod:
			out = append(out, l.sentence(phSummaryVisitsNew, period, number(l.count(*v.Value)), main.Label, l.date(v.FirstDay)))
		default:
			out = append(out, l.sentence(phSummaryVisits, period, number(l.count(*v.Value)), main.Label))
		}
	}
	if total := r.campaignTotal(); total != nil {
		if total.Clicks != nil {
			out = append(out, l.sentence(phSummaryCampaign, r.Options.Campaign, number(l.count(total.Impressions)),
				number(l.count(*total.Clicks)), number(l.percent(total.CTR))))
		} else {
			out = append(out, l.sentence(phSummaryCampaignNoClicks, r.Options.Campaign, number(l.count(total.Impressions))))
		}
	}
	if f := r.Forecast; f != nil {
		switch {
		case f.FlightDaysRemaining > 0:
			out = append(out, l.sentence(phSummaryForecast, number(l.count(f.ForecastImpressions)), l.date(f.CampaignEnd)))
		case r.LastForecast != nil:
			out = append(out, l.sentence(phSummaryForecastAfter, l.date(f.CampaignEnd), number(l.count(f.ImpressionsSoFar)),
				number(l.count(r.LastForecast.ForecastImpressions))))
		}
	}
	if a := r.bestArticle(); a != nil {
		if a.Visits != nil {
			out = append(out, l.sentence(phSummaryArticle, main.Label, pageName(*a), number(l.count(*a.Visits))))
		} else if a.Views != nil {
			out = append(out, l.sentence(phSummaryArticleViews, main.Label, pageName(*a), number(l.count(*a.Views))))
		}
	}
	if k := r.keyFigure("social_impressions"); k != nil && k.Value != nil && len(out) < 5 {
		if k.ChangeVsPrevious != nil {
			out = append(out, l.sentence(phSummarySocialChange, number(l.count(*k.Value)), number(l.trend(k.ChangeVsPrevious).Text),
				l.span(k.PreviousStart, k.PreviousEnd)))
		} else {
			out = append(out, l.sentence(phSummarySocial, number(l.count(*k.Value))))
		}
	}
	return out
}

// campaignTotal is the campaign's total over all formats, or nil.
func (r *Report) campaignTotal() *FormatTotal {
	for i, t := range r.FormatTotals {
		if t.Format == "total" {
			return &r.FormatTotals[i]
		}
	}
	return nil
}

// bestArticle is the main site's most visited page, or nil.
func (r *Report) bestArticle() *TopArticle {
	for i, a := range r.TopArticles {
		if a.Site == r.Options.MainSite && a.Rank == 1 {
			return &r.TopArticles[i]
		}
	}
	return nil
}
