package model

// EntityLabel is the Chinese name of a kind of record, as the audit trail
// names it (entity: project, milestone, payment…); an unknown name is
// returned as it is.
func EntityLabel(entity string) string {
	switch entity {
	case "project":
		return "项目"
	case "milestone":
		return "节点"
	case "progress":
		return "进度报告"
	case "payment":
		return "拨付"
	case FundAllocated:
		return "下达资金"
	case FundReceived:
		return "资金到位"
	case "funding_source":
		return "资金来源"
	case "budget":
		return "预算"
	case "supervision":
		return "督办"
	case "photo":
		return "现场照片"
	case "calendar":
		return "节假日安排"
	case "bulletin":
		return "月度通报"
	case "indicator":
		return "指标"
	}
	return entity
}
