// Package tempdir makes captrack's temp directories and files so that
// the ones a killed process left behind can be told from the ones in
// use, and swept. Each is locked (flock) by the process using it for as
// long as it is in use; the kernel drops the lock when the process dies,
// however it dies, so an entry whose lock can be taken is garbage. Age
// alone could not tell: an import or a report of a province runs for
// minutes, and several captracks may share one machine's temp dir.
package tempdir

import (
	"os"
	"path/filepath"
	"time"
)

// prefix starts the name of every directory New makes.
const prefix = "captrack-tmp-"

// grace is how new an entry may be and still be skipped by a sweep: its
// maker may not have locked it yet.
const grace = time.Minute

// Dir is a temp directory in use by this process, locked until Remove.
type Dir struct {
	Path string
	lock *os.File
}

// New makes a directory of os.TempDir() for use (a word: "import",
// "report") and locks it.
func New(use string) (*Dir, error) {
	path, err := os.MkdirTemp("", prefix+use+"-")
	if err != nil {
		return nil, err
	}
	f, err := Lock(path)
	if err != nil {
		os.RemoveAll(path)
		return nil, err
	}
	return &Dir{Path: path, lock: f}, nil
}

// Remove removes d and everything in it, and drops its lock.
func (d *Dir) Remove() error {
	err := os.RemoveAll(d.Path)
	d.lock.Close()
	return err
}

// Lock opens path (a file or a directory) and locks it until the file
// returned is closed. It fails when another holds the lock.
func Lock(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if err := tryLock(f); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// Sweep removes from os.TempDir() the directories New made that no
// process holds any more, and the directories of earlier captracks
// (which held no lock) a day old, and returns how many it removed.
func Sweep() int {
	n := SweepIn(os.TempDir(), prefix+"*")
	for _, old := range []string{"captrack-import-*", "captrack-uploads"} {
		n += sweepOld(os.TempDir(), old, 24*time.Hour)
	}
	return n
}

// SweepIn removes the entries of dir whose names match pattern
// (filepath.Match) that are over a minute old and that no process holds
// locked, and returns how many it removed.
func SweepIn(dir, pattern string) int {
	if !canLock {
		return 0
	}
	n := 0
	for _, path := range matches(dir, pattern, grace) {
		f, err := Lock(path)
		if err != nil {
			continue // in use, or gone
		}
		if os.RemoveAll(path) == nil {
			n++
		}
		f.Close()
	}
	return n
}

// sweepOld removes the entries of dir matching pattern older than age.
func sweepOld(dir, pattern string, age time.Duration) int {
	n := 0
	for _, path := range matches(dir, pattern, age) {
		if os.RemoveAll(path) == nil {
			n++
		}
	}
	return n
}

// matches lists the entries of dir matching pattern last changed more
// than age ago.
func matches(dir, pattern string, age time.Duration) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	cutoff := time.Now().Add(-age)
	var out []string
	for _, e := range entries {
		if ok, _ := filepath.Match(pattern, e.Name()); !ok {
			continue
		}
		if info, err := e.Info(); err == nil && info.ModTime().Before(cutoff) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out
}
