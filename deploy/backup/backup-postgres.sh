#!/usr/bin/env bash
# Backup of a node's PostgreSQL database (docs/backup-restore.md).
#
#   deploy/backup/backup-postgres.sh base --out /srv/backup/pg [--pgopts "-h pg1 -U replicator"]
#   deploy/backup/backup-postgres.sh dump --dbname "host=pg1 dbname=senningen user=senningen" --out /srv/backup/pg
#
# base: pg_basebackup of the whole cluster (tar, compressed, with the WAL needed to make it consistent), the physical
#   backup that point-in-time recovery starts from. With WAL archiving on, restore-postgres.sh replays the archive
#   from it up to any instant (or to the end). Archiving, in the primary's postgresql.conf (and on a promoted standby):
#       archive_mode = on
#       archive_command = 'test ! -f /srv/wal-archive/%f && cp %p /srv/wal-archive/%f'
#       archive_timeout = 60      # a quiet node still closes a segment a minute: at most a minute of commits at risk
#   (/srv/wal-archive on another disk or mounted from another machine; `test ! -f` never overwrites a segment.)
#   Take a base backup daily or weekly; older segments than the oldest base backup kept can go (pg_archivecleanup).
# dump: pg_dump -Fc of the node's database: logical, one consistent snapshot, restorable into any cluster of the same
#   or a later major version; no point-in-time recovery. For small nodes, or beside the base backups.
# Passwords come from ~/.pgpass or PGPASSWORD, never the command line. Writes <name> and <name>.meta (taken_at, size,
# sha256) into --out and prints the backup's path. The node's signing key and key-ring certificate are not in the
# database and not in this backup: they have their own, secured backup.
set -euo pipefail

script_name=backup-postgres
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$here/common.sh"

mode=${1:-}
[ $# -gt 0 ] && shift
out=""
dbname=""
pgopts=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$2; shift 2 ;;
    --dbname) dbname=$2; shift 2 ;;
    --pgopts) pgopts=$2; shift 2 ;;
    -h | --help) sed -n '2,22p' "$0"; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
[ -n "$out" ] || die "--out is required (see --help)"
mkdir -p "$out"
# Word splitting of --pgopts is wanted: it carries libpq command-line options.
read -r -a opts <<<"$pgopts"
taken_at=$(utc_now)
started=$(date +%s%N)
case "$mode" in
  base)
    command -v pg_basebackup >/dev/null 2>&1 || die "pg_basebackup is missing: apt-get install postgresql-client"
    name="base-$(stamp)"
    [ ! -e "$out/$name" ] || die "$out/$name already exists"
    pg_basebackup "${opts[@]}" -D "$out/$name.partial" -Ft -z -X stream -c fast -l "senningen $taken_at" --no-password
    mv "$out/$name.partial" "$out/$name"
    size=$(du -sb "$out/$name" | cut -f 1)
    sha=$(cd "$out/$name" && sha256sum -- * | sha256sum | cut -d ' ' -f 1)
    ;;
  dump)
    [ -n "$dbname" ] || die "dump needs --dbname (a libpq connection string or database name)"
    command -v pg_dump >/dev/null 2>&1 || die "pg_dump is missing: apt-get install postgresql-client"
    name="senningen-$(stamp).dump"
    [ ! -e "$out/$name" ] || die "$out/$name already exists"
    pg_dump "${opts[@]}" --dbname="$dbname" -Fc --no-password -f "$out/$name.partial"
    mv "$out/$name.partial" "$out/$name"
    size=$(stat -c %s "$out/$name")
    sha=$(sha256sum "$out/$name" | cut -d ' ' -f 1)
    ;;
  *) die "the first argument is base or dump (see --help)" ;;
esac
millis=$((($(date +%s%N) - started) / 1000000))
cat >"$out/$name.meta" <<META
kind=postgres-$mode
taken_at=$taken_at
file=$name
size=$size
sha256=$sha
millis=$millis
META
log "$mode backup written to $out/$name ($size bytes in ${millis} ms); keys are not in it: back them up apart"
echo "$out/$name"
