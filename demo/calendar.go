package demo

import "time"

// The visit logs run from the programme's first day to the end of the Twinkel campaign.
// Days and months are counted from that first day. time.UTC serves only as a calendar:
// the logs hold Dutch local time without a zone, and no visit starts between midnight and
// six in the morning, so no clock change ever falls inside one.
var logStart = time.Date(2019, time.September, 1, 0, 0, 0, 0, time.UTC)

const (
	logMonths      = 27 // September 2019 - November 2021
	reportMonths   = 24 // September 2019 - August 2021: the period the report covers
	logQuarters    = logMonths / 3
	secondsPerDay  = 24 * 60 * 60
	earliestStart  = 6 * 60 * 60 // no visit starts before six in the morning
	latestVisitEnd = secondsPerDay - 1
)

// day counts days from logStart.
type day int32

// dayOf returns the day of a calendar date.
func dayOf(y int, m time.Month, d int) day {
	return day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(logStart) / (24 * time.Hour))
}

// date returns the calendar date of d.
func (d day) date() time.Time { return logStart.AddDate(0, 0, int(d)) }

// month returns the log month of d: 0 is September 2019.
func (d day) month() int {
	t := d.date()
	return (t.Year()-logStart.Year())*12 + int(t.Month()) - int(logStart.Month())
}

// quarter returns the programme quarter of d: 0 is September - November 2019.
func (d day) quarter() int { return d.month() / 3 }

// monthStart returns the first day of log month m.
func monthStart(m int) day { return dayOf(logStart.Year(), logStart.Month()+time.Month(m), 1) }

// monthLength returns the number of days of log month m.
func monthLength(m int) int { return int(monthStart(m+1) - monthStart(m)) }

// A moment is a time of day in the visit logs: a day and seconds after its midnight.
type moment struct {
	Day    day
	Second int32
}

// before reports whether m is earlier than o.
func (m moment) before(o moment) bool {
	return m.Day < o.Day || m.Day == o.Day && m.Second < o.Second
}

// Periods of the report that the calibration holds for.
var (
	reportEnd         = dayOf(2021, time.August, 31)    // last day of the programme period
	twinkelLaunch     = dayOf(2021, time.June, 14)      // Twinkelmagazine and flight 1 start
	flight1End        = dayOf(2021, time.July, 11)      // last day of flight 1
	flight2Start      = dayOf(2021, time.August, 9)     // first day of flight 2
	flight2End        = dayOf(2021, time.September, 12) // last day of flight 2
	flight3Start      = dayOf(2021, time.October, 11)   // first day of flight 3
	flight3End        = dayOf(2021, time.November, 28)  // last day of flight 3
	lastLogDay        = monthStart(logMonths) - 1       // 30 November 2021
	lastReportQuarter = reportEnd.quarter()             // June - August 2021
)

// inFlight reports whether the Twinkel ads ran on d.
func inFlight(d day) bool {
	return d >= twinkelLaunch && d <= flight1End || d >= flight2Start && d <= flight2End ||
		d >= flight3Start && d <= flight3End
}
