package model

import "testing"

func TestMatchKey(t *testing.T) {
	for _, tc := range []struct {
		a, at, b, bt string
		same         bool
	}{
		{"儿童福利院", "", "县儿童福利院", "", true},
		{"儿童福利院", "", "沿河县儿童福利院", "", true},
		{"光荣院", "", "县级光荣院", "", true},
		{"县城殡仪馆搬迁工程", "", "城殡仪馆搬迁", "", false},
		{"县城殡仪馆搬迁工程", "", "县城殡仪馆搬迁项目", "", true},
		{"儿童福利院", "", "儿童福利院建设项目", "", true},
		{"官舟镇敬老院", "官舟镇", "敬老院（官舟镇）", "", true},
		{"官舟镇敬老院", "", "敬老院(官舟镇)", "", true},
		{"官舟镇敬老院", "官舟镇", "官舟敬老院", "官舟镇", true},
		{"敬老院", "官舟镇", "官舟镇敬老院", "", true},
		{"官舟 镇敬老院", "", "官舟镇敬老院", "", true},
		{"官舟镇敬老院", "", "洪渡镇敬老院", "", false},
		{"官舟片区养老服务中心", "官舟镇", "洪渡片区养老服务中心", "洪渡镇", false},
		{"儿童福利院", "", "未成年人保护中心", "", false},
	} {
		if got := MatchKey(tc.a, tc.at) == MatchKey(tc.b, tc.bt); got != tc.same {
			t.Errorf("%s@%s ~ %s@%s: same key %v, want %v (%q, %q)", tc.a, tc.at, tc.b, tc.bt, got, tc.same, MatchKey(tc.a, tc.at), MatchKey(tc.b, tc.bt))
		}
	}
}

func TestResembles(t *testing.T) {
	for _, tc := range []struct {
		a, b Project
		want bool
	}{
		{Project{Name: "儿童福利院", Annex: 1}, Project{Name: "儿童福利中心", Annex: 1}, true},
		{Project{Name: "儿童福利院", Annex: 1}, Project{Name: "儿童福利中心", Annex: 3}, false},
		{Project{Name: "官舟镇敬老院", Township: "官舟镇", Annex: 1}, Project{Name: "官舟镇敬老院改扩建", Township: "官舟镇", Annex: 1}, true},
		{Project{Name: "官舟镇敬老院", Township: "官舟镇", Annex: 1}, Project{Name: "洪渡镇敬老院改扩建", Township: "洪渡镇", Annex: 1}, false},
		{Project{Name: "敬老院", Township: "官舟镇", Annex: 1}, Project{Name: "光荣院", Township: "官舟镇", Annex: 1}, false},
		{Project{Name: "城区日间照料中心", Site: "和平街道", Township: "和平街道", Annex: 1}, Project{Name: "城区社区日间照料中心", Site: "和平街道", Township: "和平街道", Annex: 1}, true},
	} {
		if got := Resembles(&tc.a, &tc.b); got != tc.want {
			t.Errorf("%s ~ %s: got %v, want %v", tc.a.Name, tc.b.Name, got, tc.want)
		}
	}
	if got := Similarity("儿童福利院", "儿童福利中心"); got < 0.66 || got > 0.67 {
		t.Errorf("Similarity = %v, want 6/9", got)
	}
}
