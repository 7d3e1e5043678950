package model

import (
	"fmt"
	"hash/fnv"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/shopspring/decimal"
	"golang.org/x/text/unicode/norm"
)

// Annexes of the plan.
const (
	AnnexFacilities = 1 // 民生服务设施建设
	AnnexCommunity  = 2 // 社区建设 (indicators, not buildings)
	AnnexFuneral    = 3 // 殡葬改革基础设施建设
)

// Project is one capital project of a plan annex: a row of a
// task-breakdown table.
type Project struct {
	ID              uint   `gorm:"primaryKey"`
	Code            string `gorm:"size:64;uniqueIndex;not null"`
	Name            string `gorm:"size:255;not null"`
	NameKey         string `gorm:"size:255;index"` // NormalizeName(Name), matched within an annex
	MatchKey        string `gorm:"size:255;index"` // MatchKey(Name, Township), matched within an annex when NameKey is not
	Annex           int    `gorm:"index"`
	Category        string `gorm:"size:128;index"`
	Site            string `gorm:"size:255"`
	Township        string `gorm:"size:64;index"`
	ResponsibleUnit string `gorm:"size:128;index"`
	Content         string `gorm:"type:text"` // 建设内容及规模 as written

	PlannedStart  PlanDate `gorm:"embedded;embeddedPrefix:planned_start_"`
	PlannedFinish PlanDate `gorm:"embedded;embeddedPrefix:planned_finish_"`

	Investment *Money              // planned total investment; nil = unknown
	FloorArea  decimal.NullDecimal `gorm:"type:numeric"` // m²
	Land       decimal.NullDecimal `gorm:"type:numeric"` // 亩
	Beds       *int
	// Qualifiers keeps, as written, the figures the workbook qualified
	// (建筑面积(平方米)：600平方米以上；总投资(万元)：约5000): the fields hold
	// their numbers.
	Qualifiers string `gorm:"size:512"`

	SourceFile  string `gorm:"size:255"`
	SourceSheet string `gorm:"size:128"`
	SourceRow   int

	// CreatedBatch is the import batch that created the project (0 for
	// one created otherwise): the batch records who created it, when and
	// from which files, which its history shows as its first entry.
	CreatedBatch uint

	// BudgetVersion guards the budget breakdown (BudgetLine) as a whole:
	// every change of a line raises it, and a replacement of the
	// breakdown names the version it replaces.
	BudgetVersion int `gorm:"not null;default:0"`

	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate checks the invariants every stored project keeps.
func (p *Project) Validate() error {
	const op = "Project.Validate"
	switch {
	case strings.TrimSpace(p.Name) == "":
		return E(EInvalid, op, "项目名称不能为空")
	case p.Investment != nil && *p.Investment < 0:
		return E(EInvalid, op, "投资金额不能为负数")
	case p.FloorArea.Valid && p.FloorArea.Decimal.IsNegative():
		return E(EInvalid, op, "建筑面积不能为负数")
	case p.Land.Valid && p.Land.Decimal.IsNegative():
		return E(EInvalid, op, "占地面积不能为负数")
	case p.Beds != nil && *p.Beds < 0:
		return E(EInvalid, op, "床位数不能为负数")
	case !p.PlannedStart.IsZero() && !p.PlannedFinish.IsZero() && PlanOrderWrong(p.PlannedStart, p.PlannedFinish):
		return Errorf(EInvalid, op, "计划完工时间（%s）早于计划开工时间（%s）", p.PlannedFinish, p.PlannedStart)
	}
	return check(TextCode.Check(p.Code), TextName.Check(p.Name), TextCategory.Check(p.Category),
		TextSite.Check(p.Site), TextTownship.Check(p.Township), TextUnit.Check(p.ResponsibleUnit),
		TextContent.Check(p.Content),
		CheckDate("planned_start", "计划开工时间", p.PlannedStart.Date),
		CheckDate("planned_finish", "计划完工时间", p.PlannedFinish.Date))
}

// PlanOrderWrong reports whether a planned finish lies before a planned
// start. Dates are compared at the coarser of the two precisions, so
// "2019年" as start and "2019年6月" as finish are not contradictory.
func PlanOrderWrong(start, finish PlanDate) bool {
	if start.Precision == PrecisionYear || finish.Precision == PrecisionYear {
		return finish.Date.Year < start.Date.Year
	}
	if start.Precision == PrecisionMonth || finish.Precision == PrecisionMonth {
		return finish.Date.Year*12+int(finish.Date.Month) < start.Date.Year*12+int(start.Date.Month)
	}
	return finish.Date.Before(start.Date)
}

// nameBrackets is the immutable table NormalizeName unifies brackets with.
var nameBrackets = strings.NewReplacer("【", "(", "】", ")", "[", "(", "]", ")", "〔", "(", "〕", ")")

// NormalizeName is the key under which two spellings of one project name
// match: NFKC (full-width to half-width), no white space, brackets unified.
func NormalizeName(s string) string {
	s = norm.NFKC.String(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	s = nameBrackets.Replace(s)
	return strings.ToLower(s)
}

// GenerateCode returns the stable code of a project that its sheet gave no
// code: the annex and 48 bits of a hash of the normalised name, so that
// the same project gets the same code on every import and every machine,
// and 100,000 projects almost never collide (the store still suffixes a
// collision).
func GenerateCode(annex int, name string) string {
	return CodeOfKey(annex, NormalizeName(name))
}

// CodeOfKey is GenerateCode of a name already normalised.
func CodeOfKey(annex int, key string) string {
	h := fnv.New64a()
	h.Write([]byte(key))
	return fmt.Sprintf("A%d-%012X", annex, h.Sum64()>>16)
}

// townshipPattern picks the township (乡/镇/街道) out of a site.
var townshipPattern = regexp.MustCompile(`^\p{Han}{1,4}?(?:街道|镇|乡)`)

// TownshipOf returns the township named at the start of a site such as
// "官舟镇(猴渡坪景区)" or "和平街道联桥社区", or "" when the site names none.
func TownshipOf(site string) string {
	return townshipPattern.FindString(strings.TrimSpace(norm.NFKC.String(site)))
}

// IndicatorTarget is one yearly target of an annex-2-style indicator table
// (社区建设): a task, not a building.
type IndicatorTarget struct {
	ID              uint   `gorm:"primaryKey"`
	Annex           int    `gorm:"uniqueIndex:idx_indicator"`
	Task            string `gorm:"size:255;uniqueIndex:idx_indicator"`
	Year            int    `gorm:"uniqueIndex:idx_indicator"`
	Target          string `gorm:"size:64"` // as written: "20%", "15"
	ResponsibleUnit string `gorm:"size:128"`
	SourceFile      string `gorm:"size:255"`
	SourceSheet     string `gorm:"size:128"`
	SourceRow       int
}

// Validate checks the bounds of a stored indicator target.
func (t *IndicatorTarget) Validate() error {
	return check(TextTask.Check(t.Task), TextTarget.Check(t.Target), TextUnit.Check(t.ResponsibleUnit),
		CheckYear("year", "年度", t.Year))
}

// ProjectChange keeps a project's plan as it was at the end of the county
// day before ChangedOn, the day a plan import or a revert changed it, so
// that a view as of an earlier date shows the plan known then. Its
// columns are named as the project's, so that the project as of a date
// is the project with the columns of its first change after that date.
type ProjectChange struct {
	ID              uint     `gorm:"primaryKey"`
	ProjectID       uint     `gorm:"not null;index:idx_project_changes_project"`
	Project         *Project `gorm:"constraint:OnDelete:CASCADE" json:"-"`
	ChangedOn       Date     `gorm:"not null;index:idx_project_changes_on"`
	Code            string   `gorm:"size:64;not null"`
	Name            string   `gorm:"size:255;not null"`
	NameKey         string   `gorm:"size:255"`
	MatchKey        string   `gorm:"size:255"`
	Annex           int
	Category        string   `gorm:"size:128"`
	Site            string   `gorm:"size:255"`
	Township        string   `gorm:"size:64"`
	ResponsibleUnit string   `gorm:"size:128"`
	Content         string   `gorm:"type:text"`
	PlannedStart    PlanDate `gorm:"embedded;embeddedPrefix:planned_start_"`
	PlannedFinish   PlanDate `gorm:"embedded;embeddedPrefix:planned_finish_"`
	Investment      *Money
	FloorArea       decimal.NullDecimal `gorm:"type:numeric"`
	Land            decimal.NullDecimal `gorm:"type:numeric"`
	Beds            *int
	Qualifiers      string `gorm:"size:512"`
}

// PlanOf is the plan of p, as a change of it would keep it.
func PlanOf(p *Project) ProjectChange {
	return ProjectChange{ProjectID: p.ID, Code: p.Code, Name: p.Name, NameKey: p.NameKey, MatchKey: p.MatchKey, Annex: p.Annex,
		Category: p.Category, Site: p.Site, Township: p.Township, ResponsibleUnit: p.ResponsibleUnit, Content: p.Content,
		PlannedStart: p.PlannedStart, PlannedFinish: p.PlannedFinish, Investment: p.Investment, FloorArea: p.FloorArea,
		Land: p.Land, Beds: p.Beds, Qualifiers: p.Qualifiers}
}

// SamePlan reports whether c and o keep the same plan (whatever their
// IDs and days).
func (c ProjectChange) SamePlan(o ProjectChange) bool {
	return c.Code == o.Code && c.Name == o.Name && c.NameKey == o.NameKey && c.MatchKey == o.MatchKey && c.Annex == o.Annex &&
		c.Category == o.Category && c.Site == o.Site && c.Township == o.Township && c.ResponsibleUnit == o.ResponsibleUnit &&
		c.Content == o.Content && c.PlannedStart == o.PlannedStart && c.PlannedFinish == o.PlannedFinish &&
		equalPtr(c.Investment, o.Investment) && sameDecimal(c.FloorArea, o.FloorArea) && sameDecimal(c.Land, o.Land) &&
		equalPtr(c.Beds, o.Beds) && c.Qualifiers == o.Qualifiers
}

func equalPtr[T comparable](a, b *T) bool { return a == b || a != nil && b != nil && *a == *b }

func sameDecimal(a, b decimal.NullDecimal) bool {
	return a.Valid == b.Valid && (!a.Valid || a.Decimal.Equal(b.Decimal))
}
