// Package web holds the browser UI's templates and static assets, embedded
// in the binary, and the formatting the templates use. The page handlers
// live in package api; this package knows nothing of HTTP routing or
// storage.
package ui

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"strings"
	"time"
)

// FS holds templates/*.html and static/*.
//
//go:embed templates static
var FS embed.FS

// Templates are the parsed pages: each page template together with the
// shared layout.
type Templates struct {
	pages map[string]*template.Template
}

// Parse parses every page under templates/ with the layout and the
// formatting functions; times show in zone.
func Parse(zone *time.Location) (*Templates, error) {
	layout, err := template.New("layout.html").Funcs(funcs(zone)).ParseFS(FS, "templates/layout.html", "templates/partials.html")
	if err != nil {
		return nil, fmt.Errorf("web: parse layout: %w", err)
	}
	names, err := fs.Glob(FS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("web: list templates: %w", err)
	}
	t := &Templates{pages: make(map[string]*template.Template)}
	for _, n := range names {
		base := path.Base(n)
		if base == "layout.html" || base == "partials.html" {
			continue
		}
		clone, err := layout.Clone()
		if err != nil {
			return nil, fmt.Errorf("web: clone layout: %w", err)
		}
		page, err := clone.ParseFS(FS, n)
		if err != nil {
			return nil, fmt.Errorf("web: parse %s: %w", base, err)
		}
		t.pages[strings.TrimSuffix(base, ".html")] = page
	}
	return t, nil
}

// Render writes page (a template file name without ".html") with data.
func (t *Templates) Render(w io.Writer, page string, data any) error {
	p, ok := t.pages[page]
	if !ok {
		return fmt.Errorf("web: no page %q", page)
	}
	return p.ExecuteTemplate(w, "layout.html", data)
}
