package pipeline

import "testing"

func TestSlashDate(t *testing.T) {
	for s, want := range map[string][3]int{
		"05/06/2021": {5, 6, '/'}, "5-6-2021 09:30": {5, 6, '-'}, "19.08.21": {19, 8, '.'}, "08/19/2021 14:05": {8, 19, '/'},
	} {
		a, b, sep, ok := slashDate(s)
		if !ok || a != want[0] || b != want[1] || int(sep) != want[2] {
			t.Errorf("slashDate(%q) = %d %d %c %v", s, a, b, sep, ok)
		}
	}
	for _, s := range []string{"2021-06-05", "5/6-2021", "123/4/2021", "5/6/202", "5/6/20211", "Jun 5, 2021", "", "5/6"} {
		if _, _, _, ok := slashDate(s); ok {
			t.Errorf("slashDate(%q) reads a date", s)
		}
	}
}
