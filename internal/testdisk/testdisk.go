// Package testdisk gives tests a real small disk, for the faults a full
// or read-only disk causes: a tmpfs mounted for the test. Faults are met
// as captrack meets them in production (SQLite's own SQLITE_FULL, the
// kernel's ENOSPC and EROFS), not injected by a wrapper that would only
// show what the wrapper was told to do. Mounting needs root (the
// project's machines and CI run as root); elsewhere the tests skip,
// saying why.
package testdisk

import (
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
)

// Mount mounts a tmpfs of size bytes for t and returns its directory;
// it is unmounted when t ends.
func Mount(t testing.TB, size int64) string {
	t.Helper()
	return mount(t, size, "")
}

// MountFor is Mount for the local system user owner (a database server's
// "postgres", for a tablespace on the small disk): the tmpfs is owned by
// owner and its directory reachable by everyone.
func MountFor(t testing.TB, size int64, owner string) string {
	t.Helper()
	u, err := user.Lookup(owner)
	if err != nil {
		t.Skipf("no local user %s: %v", owner, err)
	}
	return mount(t, size, ",mode=0700,uid="+u.Uid+",gid="+u.Gid)
}

func mount(t testing.TB, size int64, opts string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a small tmpfs (a real full or read-only disk)")
	}
	// Not under t.TempDir, whose directories only their owner may enter.
	dir, err := os.MkdirTemp("", "captrack-disk-")
	if err == nil {
		err = os.Chmod(dir, 0o755)
	}
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+strconv.FormatInt(size, 10)+opts, "tmpfs", dir).CombinedOutput(); err != nil {
		os.Remove(dir)
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() {
		exec.Command("umount", "-l", dir).Run()
		os.Remove(dir)
	})
	return dir
}

// Fill leaves at most leave bytes free on dir's disk, with a filler file
// that the function returned removes.
func Fill(t testing.TB, dir string, leave int64) (free func()) {
	t.Helper()
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	avail := int64(st.Bavail) * st.Bsize
	path := filepath.Join(dir, "filler")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if n := avail - leave; n > 0 {
		// Written, not truncated: tmpfs allocates a sparse file's pages
		// only when they are written.
		if _, err := f.Write(make([]byte, n)); err != nil {
			t.Fatalf("filling %s: %v", dir, err)
		}
	}
	return func() {
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
	}
}

// ReadOnly remounts dir's tmpfs read-only, and read-write again with the
// function returned.
func ReadOnly(t testing.TB, dir string) (writable func()) {
	t.Helper()
	remount := func(mode string) {
		if out, err := exec.Command("mount", "-o", "remount,"+mode, dir).CombinedOutput(); err != nil {
			t.Fatalf("remount %s %s: %v %s", mode, dir, err, out)
		}
	}
	remount("ro")
	return func() { remount("rw") }
}
