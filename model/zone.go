package model

import (
	"time"
	// The county's zone must load on machines without zoneinfo files.
	_ "time/tzdata"
)

// DefaultZone is the county's time zone unless configured otherwise.
const DefaultZone = "Asia/Shanghai"

// LoadZone loads the IANA time zone name ("" means DefaultZone).
func LoadZone(name string) (*time.Location, error) {
	if name == "" {
		name = DefaultZone
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, Errorf(EInvalid, "model.LoadZone", "未知的时区 %q（例如 Asia/Shanghai）", name)
	}
	return loc, nil
}

// CountyZone is DefaultZone, loaded.
func CountyZone() *time.Location {
	loc, err := LoadZone(DefaultZone)
	if err != nil {
		panic(err) // the zone is embedded: this cannot fail
	}
	return loc
}
