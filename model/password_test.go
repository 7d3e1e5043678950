package model

import (
	"strings"
	"testing"
)

func TestCheckPassword(t *testing.T) {
	for _, tt := range []struct {
		user, password, want string
	}{
		{"alice", "correct horse", ""},
		{"alice", "short-pw1", "至少 10 个字符"},
		{"alice", "Password123", "过于常见"},
		{"alice", "QWERTYUIOP", "过于常见"},
		{"zhangsan12", "ZhangSan12", "不能与用户名相同"},
		{"alice", strings.Repeat("长", 25), "过长"},
	} {
		err := CheckPassword(tt.user, tt.password)
		if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(Message(err), tt.want)) {
			t.Errorf("CheckPassword(%q, %q) = %v, want %q", tt.user, tt.password, err, tt.want)
		}
	}
}
