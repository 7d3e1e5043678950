package model

import (
	_ "embed"
	"strings"
	"unicode/utf8"
)

// MinPassword is the fewest characters a password has.
const MinPassword = 10

// commonPasswords is the list CheckPassword refuses, shipped in the
// binary (commonpasswords.txt; # starts a comment line).
//
//go:embed commonpasswords.txt
var commonPasswords string

// CheckPassword checks the password rule: at least MinPassword
// characters, at most 72 bytes (bcrypt's limit), not one of the common
// passwords and not the user's name (either case-insensitively).
func CheckPassword(user, password string) error {
	const op = "model.CheckPassword"
	invalid := func(msg string) error { return &Error{Kind: EInvalid, Op: op, Field: "password", Message: msg} }
	lower := strings.ToLower(password)
	switch {
	case utf8.RuneCountInString(password) < MinPassword:
		return invalid("密码至少 10 个字符")
	case len(password) > 72:
		return invalid("密码过长（最多 72 字节）")
	case lower == strings.ToLower(strings.TrimSpace(user)):
		return invalid("密码不能与用户名相同")
	case isCommonPassword(lower):
		return invalid("密码过于常见，容易被猜中，请换一个")
	}
	return nil
}

func isCommonPassword(lower string) bool {
	for line := range strings.Lines(commonPasswords) {
		if line = strings.TrimSpace(line); line != "" && line[0] != '#' && line == lower {
			return true
		}
	}
	return false
}
