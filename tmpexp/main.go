package main

import (
	"database/sql"
	"fmt"
	"os"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"
)

func main() {
	db, err := sql.Open("duckdb", os.Args[1])
	if err != nil {
		panic(err)
	}
	db.SetMaxOpenConns(1)
	for _, q := range os.Args[2:] {
		start := time.Now()
		_, err := db.Exec(q)
		fmt.Printf("%6.2fs err=%v  %.120s\n", time.Since(start).Seconds(), err, q)
	}
}
