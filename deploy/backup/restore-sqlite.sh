#!/usr/bin/env bash
# Restores a node's SQLite database from a backup of backup-sqlite.sh (docs/backup-restore.md). The node must be
# stopped: a database some process holds open is never replaced.
#
#   deploy/backup/restore-sqlite.sh --backup /srv/backup/senningen/senningen-20261207T120000Z.db \
#       --db /var/lib/senningen/senningen.db [--data-dir /var/lib/senningen]
#
# Checks the copy against its .meta (sha256) and with PRAGMA integrity_check, keeps the database it replaces as
# <db>.before-restore-<UTC> (never deletes it), puts the copy in place with one rename, and leaves the marker
# restored-from-backup in the data directory (default: the database's directory): at its next start the node asks its
# partners to resend what they delivered since the backup and checks its audit log against the heads they hold.
# The signing key is not restored here: it comes from its own secured backup, and must be the node's key (partners
# trust only it).
set -euo pipefail

script_name=restore-sqlite
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$here/common.sh"

backup=""
db=""
data_dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --backup) backup=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --data-dir) data_dir=$2; shift 2 ;;
    -h | --help) sed -n '2,15p' "$0"; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
if [ -z "$backup" ] || [ -z "$db" ]; then die "--backup and --db are required (see --help)"; fi
[ -f "$backup" ] || die "no backup at $backup"
meta="${backup%.db}.meta"
[ -f "$meta" ] || die "no $meta next to the backup: it says when the backup was taken and what it must hash to"
data_dir=${data_dir:-$(dirname "$db")}

refuse_running_units
if [ -e "$db" ]; then
  holders=$(holders_of "$db")
  [ -z "$holders" ] || die "refused: $db is open in process(es) $(echo "$holders" | tr '\n' ' ')- stop the node first"
fi

sha=$(sha256sum "$backup" | cut -d ' ' -f 1)
[ "$sha" = "$(meta_get "$meta" sha256)" ] || die "refused: $backup does not hash to the sha256 in $meta"
check=$(sqlite3 -bail "file:$backup?mode=ro" "PRAGMA integrity_check")
[ "$check" = "ok" ] || die "refused: $backup fails PRAGMA integrity_check: $check"

started=$(date +%s%N)
incoming="$db.restoring"
cp "$backup" "$incoming"
if [ -e "$db" ]; then
  aside="$db.before-restore-$(stamp)"
  # Checkpoint first, so the database set aside is whole without its -wal file.
  sqlite3 -bail "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
  mv "$db" "$aside"
  for extra in wal shm; do
    if [ -e "$db-$extra" ]; then mv "$db-$extra" "$aside-$extra"; fi
  done
  log "the database it replaces is kept as $aside"
fi
mv "$incoming" "$db"
write_marker "$data_dir" "$(meta_get "$meta" taken_at)"
millis=$((($(date +%s%N) - started) / 1000000))
log "restored $db from $backup (taken $(meta_get "$meta" taken_at)) in ${millis} ms; start the node"
