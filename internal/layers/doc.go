// Package layers holds no code: its test checks that captrack's packages
// depend on each other in one direction, as the README's architecture
// section says: cmd → api / ui → importer / reports / alerts → store →
// model. The importer, the alerts and the reports see storage only
// through interfaces of their own over model types, so none of them
// links store, gorm or a SQL driver; model links neither gin nor gorm;
// only store (and its test helpers) import gorm; api and ui are peers.
package layers
