#!/usr/bin/env bash
# Online backup of a node's SQLite database while the node runs (docs/backup-restore.md).
#
#   deploy/backup/backup-sqlite.sh --db /var/lib/senningen/senningen.db --out /srv/backup/senningen [--method vacuum|backup]
#
# --method vacuum (default): `VACUUM INTO`, one read transaction: a consistent snapshot that never has to start over
#   however busy the node is, written compacted.
# --method backup: SQLite's online backup API (`.backup`), page by page; it starts over whenever the node writes
#   meanwhile, so it suits a quiet node.
# Writes senningen-<UTC>.db and senningen-<UTC>.meta (taken_at, size, sha256) into --out, checks the copy with
# PRAGMA integrity_check, and prints the file name.
#
# Only the database: the node's data directory also holds node-signing-key.pem (its signing key, when no
# Senningen:Exchange:SigningKeyFile is set). Keys are NOT copied here: they go to a separate, secured backup (offline,
# encrypted, other custodians), with the key-ring certificate of /etc/senningen/keys. A database backup with the key
# beside it would let whoever holds the backup sign as the node.
set -euo pipefail

script_name=backup-sqlite
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$here/common.sh"

db=""
out=""
method=vacuum
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --method) method=$2; shift 2 ;;
    -h | --help) sed -n '2,17p' "$0"; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
if [ -z "$db" ] || [ -z "$out" ]; then die "--db and --out are required (see --help)"; fi
[ -f "$db" ] || die "no database at $db"
command -v sqlite3 >/dev/null 2>&1 || die "sqlite3 is missing: apt-get install sqlite3"
mkdir -p "$out"

name="senningen-$(stamp)"
target="$out/$name.db"
partial="$target.partial"
[ ! -e "$target" ] || die "$target already exists"
rm -f "$partial"
taken_at=$(utc_now)
started=$(date +%s%N)
case "$method" in
  # The path goes in as a bound SQL string: a quote in it is doubled, never interpreted.
  vacuum) sqlite3 -bail "$db" "VACUUM INTO '${partial//\'/\'\'}'" ;;
  backup) sqlite3 -bail "$db" ".timeout 10000" ".backup '${partial//\'/\'\'}'" ;;
  *) die "--method is vacuum or backup" ;;
esac
check=$(sqlite3 -bail "$partial" "PRAGMA integrity_check")
[ "$check" = "ok" ] || die "the copy fails PRAGMA integrity_check: $check"
mv "$partial" "$target"
millis=$((($(date +%s%N) - started) / 1000000))
size=$(stat -c %s "$target")
sha=$(sha256sum "$target" | cut -d ' ' -f 1)
cat >"$out/$name.meta" <<META
kind=sqlite
method=$method
taken_at=$taken_at
source=$(readlink -f "$db")
file=$name.db
size=$size
sha256=$sha
millis=$millis
META
log "backed up $db to $target ($size bytes in ${millis} ms); keys are not in it: back them up apart"
echo "$target"
