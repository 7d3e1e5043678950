package model

import (
	"regexp"
	"strconv"
	"strings"
)

// Identity of a plan row without a code: a row names a stored project
// when the two names, in the same annex, come to the same MatchKey: the
// ways county offices vary one name. A row whose name only resembles a
// stored project's (Resembles) is neither matched nor created silently:
// the import asks for a decision (MatchDecisions).

// namePrefixes are the county's own names a project name may begin with,
// longest first; nameSuffixes the words it may end with.
var (
	namePrefixes = []string{"沿河土家族自治县", "沿河县", "县级", "县"}
	nameSuffixes = []string{"建设项目", "项目", "工程"}
	// townshipSuffix ends a township's name.
	townshipSuffix = regexp.MustCompile(`(?:街道|镇|乡)$`)
	// bracketTownship is a township written after a name: 敬老院(官舟镇).
	bracketTownship = regexp.MustCompile(`\(([^()]+)\)$`)
)

// MatchKey is the key under which two spellings of one project's name
// match within an annex: its NormalizeName without a leading 县, 县级,
// 沿河县 or 沿河土家族自治县 (but 县城 stays), without a trailing 项目,
// 建设项目 or 工程, and without its township, written before the name or
// after it in brackets, with or without its 乡/镇/街道 (官舟镇敬老院,
// 官舟敬老院 and 敬老院（官舟镇）at 官舟镇 are one key). township is the
// project's township ("" when unknown: then one the name begins with or
// ends with in brackets).
func MatchKey(name, township string) string {
	stem, core := nameCore(name, township)
	return stem + "|" + core
}

// nameCore splits a name into its township's stem and the rest, both
// normalised (see MatchKey).
func nameCore(name, township string) (stem, core string) {
	s := trimAffixes(NormalizeName(name))
	t := NormalizeName(township)
	if t == "" {
		if m := bracketTownship.FindStringSubmatch(s); m != nil && TownshipOf(m[1]) == m[1] {
			t = m[1]
		} else {
			t = NormalizeName(TownshipOf(s))
		}
	}
	stem = townshipSuffix.ReplaceAllString(t, "")
	if stem == "" {
		return "", s
	}
	for _, w := range []string{t, stem} {
		if rest, ok := strings.CutSuffix(s, "("+w+")"); ok && rest != "" {
			return stem, trimAffixes(rest)
		}
	}
	for _, w := range []string{t, stem} {
		if rest, ok := strings.CutPrefix(s, w); ok && rest != "" {
			return stem, trimAffixes(rest)
		}
	}
	return stem, s
}

// trimAffixes removes the county's name before s and the words after it.
func trimAffixes(s string) string {
	for _, p := range namePrefixes {
		if rest, ok := strings.CutPrefix(s, p); ok && rest != "" && !strings.HasPrefix(rest, "城") {
			s = rest
			break
		}
	}
	for changed := true; changed; {
		changed = false
		for _, w := range nameSuffixes {
			if rest, ok := strings.CutSuffix(s, w); ok && rest != "" {
				s, changed = rest, true
			}
		}
	}
	return s
}

// SimilarityThreshold is the share of character pairs two names must
// have in common to resemble each other (see Resembles).
const SimilarityThreshold = 0.5

// Similarity is the Dice coefficient of the character bigrams of two
// names' cores (without county, suffix and township, as MatchKey takes
// them): twice the bigrams they share over the bigrams both have, 0 to 1.
// A core of one character counts as its one character.
func Similarity(a, b string) float64 {
	ga, gb := bigrams(a), bigrams(b)
	if len(ga)+len(gb) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, g := range ga {
		count[g]++
	}
	shared := 0
	for _, g := range gb {
		if count[g] > 0 {
			count[g]--
			shared++
		}
	}
	return 2 * float64(shared) / float64(len(ga)+len(gb))
}

func bigrams(s string) []string {
	rs := []rune(s)
	if len(rs) < 2 {
		return []string{s}
	}
	out := make([]string, 0, len(rs)-1)
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, string(rs[i:i+2]))
	}
	return out
}

// Resembles reports whether plan row project p, which matched no stored
// project, resembles stored project o: the same annex, the same township
// (both none) or the same site, and names (their MatchKey cores) of
// Similarity at least SimilarityThreshold.
func Resembles(p, o *Project) bool {
	if p.Annex != o.Annex {
		return false
	}
	ps, pc := nameCore(p.Name, p.Township)
	os, oc := nameCore(o.Name, o.Township)
	sameSite := p.Site != "" && NormalizeName(p.Site) == NormalizeName(o.Site)
	if ps != os && !sameSite {
		return false
	}
	return Similarity(pc, oc) >= SimilarityThreshold
}

// RowName is how a decision names a plan row: its sheet and row, 附件1!7.
func (r Ref) RowName() string { return r.Sheet + "!" + strconv.Itoa(r.Row) }

// MatchDecisions are the user's decisions on plan rows that resemble a
// stored project: by row (Ref.RowName), the code of the project to update
// (Match) or to create a new project (New, or NewAll for every such
// row). Without one such a row is an error, and nothing is written.
type MatchDecisions struct {
	Match  map[string]string `json:"match,omitempty"`
	New    map[string]bool   `json:"new,omitempty"`
	NewAll bool              `json:"new_all,omitempty"`
}

// Empty reports whether d decides nothing.
func (d MatchDecisions) Empty() bool { return len(d.Match) == 0 && len(d.New) == 0 && !d.NewAll }

// AddMatch adds a decision written ROW=CODE (附件1!7=A1-0742C6F1E896):
// row ROW is project CODE.
func (d *MatchDecisions) AddMatch(s string) error {
	row, code, ok := strings.Cut(s, "=")
	code = strings.TrimSpace(code)
	if !ok || code == "" {
		return Errorf(EInvalid, "MatchDecisions", "“%s”应写作 工作表!行号=项目编码，如 附件1!7=A1-0742C6F1E896", s)
	}
	row, err := rowName(row)
	if err != nil {
		return err
	}
	if err := TextCode.Check(code); err != nil {
		return err
	}
	if d.Match == nil {
		d.Match = map[string]string{}
	}
	d.Match[row] = code
	return nil
}

// AddNew adds a decision that row ROW (附件1!7) is a new project.
func (d *MatchDecisions) AddNew(s string) error {
	row, err := rowName(s)
	if err != nil {
		return err
	}
	if d.New == nil {
		d.New = map[string]bool{}
	}
	d.New[row] = true
	return nil
}

// rowName checks a row written 工作表!行号 and returns it trimmed.
func rowName(s string) (string, error) {
	sheet, n, ok := strings.Cut(strings.TrimSpace(s), "!")
	line, err := strconv.Atoi(n)
	if !ok || err != nil || line < 1 || strings.TrimSpace(sheet) == "" || len(sheet) > 128 {
		return "", Errorf(EInvalid, "MatchDecisions", "行“%s”应写作 工作表!行号，如 附件1!7", s)
	}
	return Ref{Sheet: strings.TrimSpace(sheet), Row: line}.RowName(), nil
}

// Merge adds e's decisions to d's, e's winning on the same row.
func (d *MatchDecisions) Merge(e MatchDecisions) {
	for row, code := range e.Match {
		delete(d.New, row)
		if d.Match == nil {
			d.Match = map[string]string{}
		}
		d.Match[row] = code
	}
	for row := range e.New {
		delete(d.Match, row)
		if d.New == nil {
			d.New = map[string]bool{}
		}
		d.New[row] = true
	}
	d.NewAll = d.NewAll || e.NewAll
}
