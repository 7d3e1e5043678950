//go:build !cgo

package store

// sqliteMissing is why SQLite cannot be used: this captrack was built
// without cgo, and the SQLite driver (mattn/go-sqlite3) is C.
const sqliteMissing = "此 captrack 在构建时没有启用 cgo，无法使用 SQLite 数据库：SQLite 驱动需要 C 编译器。" +
	"请安装 C 编译器（Debian/Ubuntu：sudo apt install gcc；CentOS/麒麟：sudo yum install gcc；" +
	"macOS：xcode-select --install；Windows：安装 MSYS2 后执行 pacman -S mingw-w64-x86_64-gcc，并把其 bin 目录加入 PATH），" +
	"然后以 CGO_ENABLED=1 重新构建（go build ./cmd/captrack）；或改用 PostgreSQL：--db postgres://用户@主机/数据库。"

// sqliteReason knows no SQLite reasons without cgo.
func sqliteReason(error) string { return "" }

// sqliteFault knows no SQLite faults without cgo.
func sqliteFault(error) (kind, msg string) { return "", "" }
