package pipeline

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
)

// Annotate records an analyst's note for a day ("start vlucht 2", "nieuwsbrief verstuurd");
// the report marks it on its time-series charts.
func Annotate(ctx context.Context, db *sql.DB, day time.Time, text string) error {
	text = strings.TrimSpace(text)
	if text == "" {
		return errors.New("an annotation needs a text")
	}
	_, err := db.ExecContext(ctx, `INSERT INTO annotations VALUES (nextval('annotation_id_seq'), ?, ?, ?)`,
		day, text, time.Now().UTC())
	return err
}
