// gofeed-reader: Go's gofeed (github.com/mmcdole/gofeed, Debian golang-github-mmcdole-gofeed-dev)
// reads each feed file named on the command line, as a feed reader would, and prints one JSON
// array on stdout: per file, the format gofeed detected and, per item, what a reader shows of it.
// No network: gofeed is given the files' bytes.
//
// Built by the conformance suite (tests/conformance/support/independentReaders.ts) in GOPATH mode
// from Debian's packages only:
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o /tmp/gofeed-reader gofeed-reader.go
//	/tmp/gofeed-reader feed.xml atom.xml feed.json
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/mmcdole/gofeed"
)

type readItem struct {
	ID        string   `json:"id"`
	Link      string   `json:"link"`
	Title     string   `json:"title"`
	Published *string  `json:"published"`
	Updated   *string  `json:"updated"`
	Authors   []string `json:"authors"`
}

type readDocument struct {
	Format string     `json:"format"`
	Items  []readItem `json:"items"`
}

// instant writes a parsed date in UTC with every digit gofeed kept; nil when the feed gave none.
func instant(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.UTC().Format(time.RFC3339Nano)
	return &s
}

func authors(item *gofeed.Item) []string {
	names := []string{}
	// gofeed's universal item keeps only the first dc:creator of an RSS item (translator.go,
	// translateItemAuthors); its Dublin Core extension keeps every one, in order.
	if item.DublinCoreExt != nil && len(item.DublinCoreExt.Creator) > 0 {
		return append(names, item.DublinCoreExt.Creator...)
	}
	for _, person := range item.Authors {
		names = append(names, person.Name)
	}
	return names
}

func read(path string) (readDocument, error) {
	file, err := os.Open(path)
	if err != nil {
		return readDocument{}, err
	}
	defer file.Close()
	feed, err := gofeed.NewParser().Parse(file)
	if err != nil {
		return readDocument{}, fmt.Errorf("%s: %w", path, err)
	}
	document := readDocument{Format: feed.FeedType, Items: []readItem{}}
	for _, item := range feed.Items {
		document.Items = append(document.Items, readItem{
			ID:        item.GUID,
			Link:      item.Link,
			Title:     item.Title,
			Published: instant(item.PublishedParsed),
			Updated:   instant(item.UpdatedParsed),
			Authors:   authors(item),
		})
	}
	return document, nil
}

func main() {
	documents := []readDocument{}
	for _, path := range os.Args[1:] {
		document, err := read(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gofeed-reader:", err)
			os.Exit(1)
		}
		documents = append(documents, document)
	}
	if err := json.NewEncoder(os.Stdout).Encode(documents); err != nil {
		fmt.Fprintln(os.Stderr, "gofeed-reader:", err)
		os.Exit(1)
	}
}
