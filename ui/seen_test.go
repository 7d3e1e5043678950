package ui

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// seen is what a user sees of a page, so that tests assert on it rather
// than on the markup: the text, each table row as its cells' texts, the
// links, the headings, and the form fields' values.
type seen struct {
	text     string
	rows     [][]string
	links    []link
	headings []string
	images   []string            // what images and charts say they show (alt, aria-label)
	fields   map[string][]string // by field name: an input's value, a select's selected options
	options  map[string][]string // by field name: the options a select offers
	figures  []figure            // the key figures (cards) shown
	byID     map[string]string   // the text of each element with an id
	node     *html.Node
}

// figure is a key figure: its label and its value as shown ("2 个").
type figure struct{ label, value string }

type link struct{ href, text string }

// see parses page.
func see(t *testing.T, page string) seen {
	t.Helper()
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("page is not HTML: %v", err)
	}
	return seenOf(root)
}

// within is what the user sees of the element with id, failing t when
// the page has none.
func (s seen) within(t *testing.T, id string) seen {
	t.Helper()
	for n := range s.node.Descendants() {
		if n.Type == html.ElementNode && attr(n, "id") == id {
			return seenOf(n)
		}
	}
	t.Fatalf("the page has no element %q", id)
	return seen{}
}

func seenOf(root *html.Node) seen {
	s := seen{text: textOf(root), fields: map[string][]string{}, options: map[string][]string{}, byID: map[string]string{}, node: root}
	for n := range root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if id := attr(n, "id"); id != "" {
			s.byID[id] = textOf(n)
		}
		if slices.Contains(strings.Fields(attr(n, "class")), "kpi") {
			f := figure{}
			for c := range n.Descendants() {
				switch attr(c, "class") {
				case "label":
					f.label = textOf(c)
				case "value":
					f.value = textOf(c)
				}
			}
			s.figures = append(s.figures, f)
		}
		if n.Data == "img" || attr(n, "role") == "img" {
			s.images = append(s.images, attr(n, "alt")+attr(n, "aria-label"))
		}
		switch n.Data {
		case "tr":
			var cells []string
			for c := range n.ChildNodes() {
				if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") {
					cells = append(cells, textOf(c))
				}
			}
			s.rows = append(s.rows, cells)
		case "a":
			s.links = append(s.links, link{attr(n, "href"), textOf(n)})
		case "h1", "h2", "h3":
			s.headings = append(s.headings, textOf(n))
		case "input", "textarea":
			if name := attr(n, "name"); name != "" && attr(n, "type") != "hidden" {
				v := attr(n, "value")
				if n.Data == "textarea" {
					v = textOf(n)
				}
				s.fields[name] = append(s.fields[name], v)
			}
		case "select":
			for o := range n.Descendants() {
				if o.Type != html.ElementNode || o.Data != "option" {
					continue
				}
				s.options[attr(n, "name")] = append(s.options[attr(n, "name")], textOf(o))
				if hasAttr(o, "selected") {
					s.fields[attr(n, "name")] = append(s.fields[attr(n, "name")], textOf(o))
				}
			}
		}
	}
	return s
}

// textOf is the text under n as a user reads it: scripts and styles left
// out, runs of white space one space.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style"):
			return
		case n.Type == html.ElementNode && (n.Data == "td" || n.Data == "th" || n.Data == "li" || n.Data == "br" || n.Data == "p" || n.Data == "div"):
			b.WriteString(" ")
		}
		for c := range n.ChildNodes() {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	return slices.ContainsFunc(n.Attr, func(a html.Attribute) bool { return a.Key == key })
}

// hasRow reports whether a table row holds cells, one after the other.
func (s seen) hasRow(cells ...string) bool {
	for _, r := range s.rows {
		for i := 0; i+len(cells) <= len(r); i++ {
			if slices.Equal(r[i:i+len(cells)], cells) {
				return true
			}
		}
	}
	return false
}

// linkTo returns the text of the first link to href, and whether there
// is one.
func (s seen) linkTo(href string) (string, bool) {
	for _, l := range s.links {
		if l.href == href {
			return l.text, true
		}
	}
	return "", false
}

// hasLink reports whether a link to href reads text.
func (s seen) hasLink(href, text string) bool {
	return slices.Contains(s.links, link{href, text})
}

// lists reports whether a link reads text.
func (s seen) lists(text string) bool {
	return slices.ContainsFunc(s.links, func(l link) bool { return l.text == text })
}

// figureOf is the value of the key figure labelled label, "" when there
// is none.
func (s seen) figureOf(label string) string {
	for _, f := range s.figures {
		if f.label == label {
			return f.value
		}
	}
	return ""
}

// cellHas reports whether a table cell's text holds text.
func (s seen) cellHas(text string) bool {
	for _, r := range s.rows {
		if slices.ContainsFunc(r, func(c string) bool { return strings.Contains(c, text) }) {
			return true
		}
	}
	return false
}

// unitCounts sums up a lamp card's table of units: "unit:red" for each
// unit (with "/yellow" when yellow), in order.
func (s seen) unitCounts(yellow bool) string {
	var out []string
	for _, r := range s.rows {
		if len(r) < 3 || r[0] == "责任单位" {
			continue
		}
		c := r[0] + ":" + r[1]
		if yellow {
			c += "/" + r[2]
		}
		out = append(out, c)
	}
	return strings.Join(out, " ")
}

// has reports whether the page's text holds text.
func (s seen) has(text string) bool { return strings.Contains(s.text, text) }

func TestSeen(t *testing.T) {
	s := see(t, `<html><head><style>p{}</style><script>x()</script></head><body><h1 class="t">标题 <em>一</em></h1>
		<nav><a href="/a" class="active">甲</a></nav>
		<table><tr><th>单位</th><th>个数</th></tr><tr><td>洪渡镇</td><td class="num">1</td><td> 2 </td></tr></table>
		<select name="unit"><option>县民政局</option><option selected>洪渡镇</option></select>
		<input name="month" value="2020-05"><input type="hidden" name="csrf" value="k">
		<dd id="pace"><span class="muted">—</span></dd><svg role="img" aria-label="横道图"></svg>
		<section id="card"><a class="kpi red" href="/p"><div class="label"><span class="lamp"></span>红灯</div><div class="value">2<small>个</small></div></a></section></body></html>`)
	if !s.hasRow("洪渡镇", "1") || !s.hasRow("1", "2") || s.hasRow("洪渡镇", "2") {
		t.Errorf("rows = %q", s.rows)
	}
	if !s.hasLink("/a", "甲") || s.hasLink("/a", "乙") {
		t.Errorf("links = %q", s.links)
	}
	if !slices.Equal(s.headings, []string{"标题 一"}) {
		t.Errorf("headings = %q", s.headings)
	}
	if !slices.Equal(s.fields["unit"], []string{"洪渡镇"}) || !slices.Equal(s.fields["month"], []string{"2020-05"}) || s.fields["csrf"] != nil {
		t.Errorf("fields = %q", s.fields)
	}
	if !slices.Equal(s.options["unit"], []string{"县民政局", "洪渡镇"}) || !s.lists("甲") || s.lists("洪渡镇") {
		t.Errorf("options = %q, links = %q", s.options, s.links)
	}
	if card := s.within(t, "card"); card.figureOf("红灯") != "2个" || s.figureOf("黄灯") != "" || !s.cellHas("洪") || s.cellHas("甲") {
		t.Errorf("figures = %q", card.figures)
	}
	if !slices.Equal(s.images, []string{"横道图"}) {
		t.Errorf("images = %q", s.images)
	}
	if s.byID["pace"] != "—" || strings.Contains(s.text, "x()") || strings.Contains(s.text, "p{}") || !s.has("单位 个数 洪渡镇 1 2") {
		t.Errorf("byID = %q, text = %q", s.byID, s.text)
	}
}
