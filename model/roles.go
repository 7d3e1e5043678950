package model

import "slices"

// Role sets: who may do what. The API and the web UI check the same sets.
var (
	AdminOnly = []string{RoleAdmin}
	// Changers change milestones, stages and progress and reply to 督办
	// (a manager only for his unit's projects, see MayChange).
	Changers = []string{RoleAdmin, RoleManager}
	// Overseers raise, close and escalate 督办.
	Overseers = []string{RoleAdmin, RoleSupervisor}
	// Financiers record and correct payments, budgets and ledgers.
	Financiers = []string{RoleAdmin, RoleFinance}
	// Importers upload workbooks (each kind as MayImport says).
	Importers = []string{RoleAdmin, RoleManager, RoleFinance}
)

// HasRole reports whether u has one of roles.
func (u User) HasRole(roles []string) bool { return slices.Contains(roles, u.Role) }

// MayChange checks that u may change a project of the responsible unit:
// an admin any, a manager only those of his unit.
func MayChange(u User, unit string) error {
	const op = "model.MayChange"
	switch {
	case u.Role == RoleAdmin || (u.Role == RoleManager && u.Unit == unit):
		return nil
	case u.Role == RoleManager:
		return Errorf(EForbidden, op, "只能修改本单位（%s）负责的项目", u.Unit)
	}
	return E(EForbidden, op, "当前角色无权修改项目")
}

// MayImport checks that u may import the kinds of rows set holds: plan
// tables and indicators are the admin's, progress returns the admin's and
// the managers', ledgers and budgets the admin's and finance's. Whether a
// manager's progress rows are all of his unit's projects can only be told
// once each row is resolved to its project (MayChange, per row).
func MayImport(u User, set *ImportSet) error {
	const op = "model.MayImport"
	switch {
	case len(set.Plans)+len(set.Indicators) > 0 && u.Role != RoleAdmin:
		return E(EForbidden, op, "只有管理员可以导入任务分解表")
	case len(set.Payments)+len(set.Funds)+len(set.Budgets) > 0 && !u.HasRole(Financiers):
		return E(EForbidden, op, "只有财务人员或管理员可以导入资金拨付台账和预算表")
	case len(set.Progress) > 0 && !u.HasRole(Changers):
		return E(EForbidden, op, "只有项目负责人或管理员可以导入进度月报")
	}
	return nil
}
