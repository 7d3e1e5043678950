package ui

import (
	"cmp"
	"net/url"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// seen is what a user sees of a page, so that tests assert on it rather
// than on the markup: the text, each table row as its cells' texts, the
// links, the headings, the form fields' values, and the forms.
type seen struct {
	text     string
	rows     [][]string
	links    []link
	headings []string
	images   []string            // what images and charts say they show (alt, aria-label)
	srcs     map[string]string   // by what an image says it shows: where it is loaded from
	fields   map[string][]string // by field name: an input's value, a select's selected options
	options  map[string][]string // by field name: the options a select offers
	figures  []figure            // the key figures (cards) shown
	byID     map[string]string   // the text of each element with an id
	forms    []form
	node     *html.Node
}

// form is what a user sees of a form, and what submitting it sends.
type form struct {
	title                   string   // the summary of the details element it opens from, "" when none
	context                 []string // the text of each other cell of the table row it sits in
	labels                  []string // the labels of its fields (aria-label too)
	buttons                 []string // the text of its submit buttons
	method, action, enctype string
	// values are what it sends as it stands: hidden fields, the values
	// shown, checked boxes and radios, selected options.
	values  url.Values
	byLabel map[string]labelField
}

// labelField is the field a label names: its name; for a checkbox or
// a radio button the value choosing it sends; for a select what each
// option it shows sends.
type labelField struct {
	name, choice string
	options      map[string]string
}

// fill returns what f sends with the fields labelled as in fields set
// to their values (a checkbox or radio button, whatever the value, is
// chosen; a select's value is the option shown), failing t when f has
// no such label or option.
func (f form) fill(t *testing.T, fields map[string]string) url.Values {
	t.Helper()
	v := url.Values{}
	for k, vs := range f.values {
		v[k] = slices.Clone(vs)
	}
	for label, value := range fields {
		l, ok := f.byLabel[label]
		if !ok {
			t.Fatalf("the form has no field labelled %q; its labels: %q", label, f.labels)
		}
		switch {
		case l.choice != "":
			value = l.choice
		case l.options != nil:
			sent, ok := l.options[value]
			if !ok {
				t.Fatalf("the select labelled %q offers no %q: %q", label, value, l.options)
			}
			value = sent
		}
		v.Set(l.name, value)
	}
	return v
}

// formsAt returns the forms that open from title (the summary of their
// details element; "" for none), sit in a table row with a cell reading
// row ("" for any row or none), offer a button reading button and show
// every one of labels.
func (s seen) formsAt(title, row, button string, labels ...string) []form {
	var out []form
	for _, f := range s.forms {
		if f.title == title && (row == "" || slices.Contains(f.context, row)) && slices.Contains(f.buttons, button) &&
			!slices.ContainsFunc(labels, func(l string) bool { return !slices.Contains(f.labels, l) }) {
			out = append(out, f)
		}
	}
	return out
}

// formAt returns the one form formsAt finds, failing t unless there is
// exactly one.
func (s seen) formAt(t *testing.T, title, row, button string, labels ...string) form {
	t.Helper()
	fs := s.formsAt(title, row, button, labels...)
	if len(fs) != 1 {
		t.Fatalf("%d forms opening from %q in the row of %q with button %q and labels %q, want one; the page's forms: %+v", len(fs), title, row, button, labels, s.forms)
	}
	return fs[0]
}

// rowOf returns the cells of the first table row whose first cell reads
// first, nil when there is none.
func (s seen) rowOf(first string) []string {
	for _, r := range s.rows {
		if len(r) > 0 && r[0] == first {
			return r
		}
	}
	return nil
}

// formOf is what the user sees of form element n of the page under root.
func formOf(root, n *html.Node) form {
	f := form{method: strings.ToLower(attr(n, "method")), action: attr(n, "action"), enctype: attr(n, "enctype"),
		values: url.Values{}, byLabel: map[string]labelField{}}
	if f.method == "" {
		f.method = "get"
	}
	for a := n.Parent; a != nil; a = a.Parent {
		if a.Type != html.ElementNode {
			continue
		}
		if a.Data == "details" && f.title == "" {
			for c := range a.ChildNodes() {
				if c.Type == html.ElementNode && c.Data == "summary" {
					f.title = textOf(c)
				}
			}
		}
		if a.Data == "tr" && f.context == nil {
			for c := range a.ChildNodes() {
				if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") && !contains(c, n) {
					f.context = append(f.context, textOf(c))
				}
			}
		}
	}
	// Its fields: those inside it, and those elsewhere that name it.
	var fields []*html.Node
	for c := range root.Descendants() {
		if c.Type == html.ElementNode && (c.Data == "input" || c.Data == "textarea" || c.Data == "select") &&
			(contains(n, c) || (attr(n, "id") != "" && attr(c, "form") == attr(n, "id"))) {
			fields = append(fields, c)
		}
	}
	for _, c := range fields {
		name := attr(c, "name")
		typ := strings.ToLower(attr(c, "type"))
		switch {
		case name == "" || typ == "file" || typ == "submit" || typ == "button":
		case c.Data == "textarea":
			f.values.Add(name, textOf(c))
		case c.Data == "select":
			var chosen, first *html.Node
			for o := range c.Descendants() {
				if o.Type == html.ElementNode && o.Data == "option" {
					if first == nil {
						first = o
					}
					if hasAttr(o, "selected") && chosen == nil {
						chosen = o
					}
				}
			}
			if chosen == nil {
				chosen = first
			}
			if chosen != nil {
				f.values.Add(name, optionValue(chosen))
			}
		case typ == "checkbox" || typ == "radio":
			if hasAttr(c, "checked") {
				f.values.Add(name, cmp.Or(attr(c, "value"), "on"))
			}
		default:
			f.values.Add(name, attr(c, "value"))
		}
	}
	label := func(text string, field *html.Node) {
		f.labels = append(f.labels, text)
		if field == nil {
			return
		}
		l := labelField{name: attr(field, "name")}
		if typ := strings.ToLower(attr(field, "type")); typ == "checkbox" || typ == "radio" {
			l.choice = cmp.Or(attr(field, "value"), "on")
		}
		if field.Data == "select" {
			l.options = map[string]string{}
			for o := range field.Descendants() {
				if o.Type == html.ElementNode && o.Data == "option" {
					l.options[textOf(o)] = optionValue(o)
				}
			}
		}
		f.byLabel[text] = l
	}
	for _, c := range fields {
		if text := attr(c, "aria-label"); text != "" {
			label(text, c)
		}
	}
	for c := range n.Descendants() {
		if c.Type != html.ElementNode {
			continue
		}
		switch {
		case c.Data == "label":
			label(textOf(c), labelledBy(c, fields))
		case c.Data == "button" && strings.ToLower(cmp.Or(attr(c, "type"), "submit")) == "submit":
			f.buttons = append(f.buttons, textOf(c))
		case c.Data == "input" && strings.ToLower(attr(c, "type")) == "submit":
			f.buttons = append(f.buttons, attr(c, "value"))
		}
	}
	return f
}

// labelledBy is the field of fields that label names: the one its for
// attribute names, else the one inside it, else the first after it in
// its parent.
func labelledBy(label *html.Node, fields []*html.Node) *html.Node {
	if id := attr(label, "for"); id != "" {
		for _, c := range fields {
			if attr(c, "id") == id {
				return c
			}
		}
		return nil
	}
	for _, c := range fields {
		if contains(label, c) {
			return c
		}
	}
	after := false
	for c := range label.Parent.Descendants() {
		if c == label {
			after = true
		}
		if after && slices.Contains(fields, c) {
			return c
		}
	}
	return nil
}

// optionValue is what choosing option o sends.
func optionValue(o *html.Node) string {
	if hasAttr(o, "value") {
		return attr(o, "value")
	}
	return textOf(o)
}

// contains reports whether n is a or lies under it.
func contains(a, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
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

// under is what the user sees of the part of the page that heading
// heads (the heading's parent element), failing t when no heading reads
// heading.
func (s seen) under(t *testing.T, heading string) seen {
	t.Helper()
	for n := range s.node.Descendants() {
		if n.Type == html.ElementNode && (n.Data == "h1" || n.Data == "h2" || n.Data == "h3") && textOf(n) == heading {
			return seenOf(n.Parent)
		}
	}
	t.Fatalf("the page has no heading %q; its headings: %q", heading, s.headings)
	return seen{}
}

func seenOf(root *html.Node) seen {
	s := seen{text: textOf(root), fields: map[string][]string{}, options: map[string][]string{}, byID: map[string]string{}, srcs: map[string]string{}, node: root}
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
			if src := attr(n, "src"); src != "" {
				s.srcs[attr(n, "alt")] = src
			}
		}
		switch n.Data {
		case "form":
			s.forms = append(s.forms, formOf(root, n))
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

// TestSeenForms: a form is found by where it opens, its row, its button
// and its labels (for, wrapping, next to, aria-label), and filling it by
// label sends what a browser sends: its hidden and shown values, the
// fields filled, a select's option by its text, a radio chosen, a box
// elsewhere that names the form.
func TestSeenForms(t *testing.T) {
	s := see(t, `<html><body><table><tr><td>洪渡镇</td><td><details><summary>发起</summary>
		<form method="post" action="/x" id="f1"><input type="hidden" name="csrf" value="k"><input type="hidden" name="back" value="/a">
		<div><label for="r">事项</label><textarea id="r" name="reason">原有</textarea></div>
		<div><label><input type="radio" name="kind" value="date" checked> 按日期</label><input type="date" name="due" value="2020-07-01" aria-label="期限"></div>
		<div><label><input type="radio" name="kind" value="days"> 按天数</label><input type="number" name="days"></div>
		<div><label>来源</label><select name="unit"><option value="wan" selected>万元</option><option value="yuan">元</option></select></div>
		<input type="file" name="photo"><button type="submit">交办</button></form></details></td></tr></table>
		<input type="checkbox" name="project_id" value="7" form="f1" aria-label="选择 甲">
		<form method="get" action="/y"><button type="button">不提交</button><button>查看</button></form></body></html>`)
	f := s.formAt(t, "发起", "洪渡镇", "交办", "事项", "按日期", "按天数", "期限", "来源", "选择 甲")
	if f.method != "post" || f.action != "/x" {
		t.Errorf("method %q action %q, want post /x", f.method, f.action)
	}
	want := url.Values{"csrf": {"k"}, "back": {"/a"}, "reason": {"原有"}, "kind": {"date"}, "due": {"2020-07-01"}, "days": {""}, "unit": {"wan"}}
	if got := f.fill(t, nil); got.Encode() != want.Encode() {
		t.Errorf("as it stands it sends %v, want %v", got, want)
	}
	want = url.Values{"csrf": {"k"}, "back": {"/a"}, "reason": {"新的"}, "kind": {"days"}, "due": {"2020-08-01"}, "days": {""}, "unit": {"yuan"}, "project_id": {"7"}}
	if got := f.fill(t, map[string]string{"事项": "新的", "按天数": "", "期限": "2020-08-01", "来源": "元", "选择 甲": ""}); got.Encode() != want.Encode() {
		t.Errorf("filled, it sends %v, want %v", got, want)
	}
	if len(s.formsAt("", "", "不提交")) != 0 || len(s.formsAt("", "", "查看")) != 1 || len(s.formsAt("发起", "洪渡镇", "交办", "没有的标签")) != 0 || len(s.formsAt("", "洪渡镇", "交办")) != 0 {
		t.Errorf("forms = %+v", s.forms)
	}
}

// TestSeenUnder: the part of a page under a heading is what its
// heading's parent holds, and an image's source is found by what it
// says it shows.
func TestSeenUnder(t *testing.T) {
	s := see(t, `<html><body><section><h2>照片</h2><a href="/p/1"><img src="/p/1/thumb" alt="甲.jpg"></a> 旧照</section>
		<section><h2>其他</h2>旧照</section></body></html>`)
	if u := s.under(t, "照片"); u.text != "照片 旧照" || strings.Count(s.text, "旧照") != 2 || s.srcs["甲.jpg"] != "/p/1/thumb" || !s.hasLink("/p/1", "") {
		t.Errorf("under = %q, srcs = %q, links = %q", u.text, s.srcs, s.links)
	}
}
