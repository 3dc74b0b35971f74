#!/usr/bin/env bash
# Restores a node's PostgreSQL database from a backup of backup-postgres.sh (docs/backup-restore.md). Nothing a
# running node uses is ever replaced.
#
#   deploy/backup/restore-postgres.sh dump --backup /srv/backup/pg/senningen-….dump \
#       --dbname "host=pg1 dbname=senningen user=senningen" [--data-dir /var/lib/senningen]
#   deploy/backup/restore-postgres.sh base --backup /srv/backup/pg/base-… --pgdata /var/lib/postgresql/15/main \
#       [--wal-archive /srv/wal-archive [--target-time "2026-12-07 11:59:00+00"]] [--data-dir /var/lib/senningen]
#
# dump: refuses while any session is connected to the database (the node's instances are); restores into a new
#   database beside it (pg_restore --single-transaction), then renames the old one to <name>_before_<UTC> and the new
#   one into its place. Needs a role that may create databases and own the node's (the node's own role with CREATEDB,
#   or postgres).
# base: refuses while a postmaster runs on --pgdata, and a --pgdata that is not empty (move it aside yourself: it is
#   the only copy of what happened after the backup). Unpacks the base backup; with --wal-archive, writes
#   restore_command and recovery.signal so that PostgreSQL replays the archive to --target-time, or to its end, and
#   then opens for writes. Start the cluster, watch its log for "archive recovery complete", then start the node.
# Either way, with --data-dir, the marker restored-from-backup is left for the node: at its next start it asks the
# partners to resend what they delivered since the backup and checks its audit log against the heads they hold.
set -euo pipefail

script_name=restore-postgres
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$here/common.sh"

mode=${1:-}
[ $# -gt 0 ] && shift
backup=""
dbname=""
pgdata=""
archive=""
target=""
data_dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --backup) backup=$2; shift 2 ;;
    --dbname) dbname=$2; shift 2 ;;
    --pgdata) pgdata=$2; shift 2 ;;
    --wal-archive) archive=$2; shift 2 ;;
    --target-time) target=$2; shift 2 ;;
    --data-dir) data_dir=$2; shift 2 ;;
    -h | --help) sed -n '2,19p' "$0"; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
if [ -z "$backup" ] || ! [ -e "$backup" ]; then die "--backup must name a backup of backup-postgres.sh (see --help)"; fi
meta="$backup.meta"
[ -f "$meta" ] || die "no $meta next to the backup: it says when the backup was taken and what it must hash to"
taken_at=$(meta_get "$meta" taken_at)
started=$(date +%s%N)

refuse_running_units
case "$mode" in
  dump)
    [ -n "$dbname" ] || die "dump needs --dbname"
    [ "$(sha256sum "$backup" | cut -d ' ' -f 1)" = "$(meta_get "$meta" sha256)" ] || die "refused: $backup does not hash to the sha256 in $meta"
    q() { psql --dbname="$1" --no-password -v ON_ERROR_STOP=1 -Atc "$2"; }
    name=$(q "$dbname" "SELECT current_database()")
    owner=$(q "$dbname" "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()")
    # The same server and role, on the maintenance database: in a key=value string the last dbname wins.
    maintenance="$dbname dbname=postgres"
    others=$(q "$maintenance" "SELECT count(*) FROM pg_stat_activity WHERE datname = '$name'")
    [ "$others" = "0" ] || die "refused: $others session(s) are connected to $name - stop every instance of the node first"
    # Into a new database beside it, then two renames: the node finds the dump's database or, on any error, its own.
    # (pg_restore --clean cannot drop the partitions of a partitioned table in place.)
    incoming="${name}_restoring"
    aside="${name}_before_$(stamp)"
    q "$maintenance" "DROP DATABASE IF EXISTS \"$incoming\"" >/dev/null
    q "$maintenance" "CREATE DATABASE \"$incoming\" OWNER \"$owner\"" >/dev/null
    if ! pg_restore --dbname="$dbname dbname=$incoming" --no-password --single-transaction --exit-on-error "$backup"; then
      q "$maintenance" "DROP DATABASE IF EXISTS \"$incoming\"" >/dev/null
      die "pg_restore failed; $name is unchanged"
    fi
    q "$maintenance" "ALTER DATABASE \"$name\" RENAME TO \"$aside\"; ALTER DATABASE \"$incoming\" RENAME TO \"$name\"" >/dev/null
    log "the database it replaces is kept as $aside (drop it once the node checks out)"
    ;;
  base)
    [ -n "$pgdata" ] || die "base needs --pgdata"
    if ! [ -d "$backup" ] || ! [ -f "$backup/base.tar.gz" ]; then die "$backup is not a base backup (no base.tar.gz)"; fi
    [ "$(cd "$backup" && sha256sum -- * | sha256sum | cut -d ' ' -f 1)" = "$(meta_get "$meta" sha256)" ] || die "refused: $backup does not hash to the sha256 in $meta"
    if [ -f "$pgdata/postmaster.pid" ] && kill -0 "$(head -n 1 "$pgdata/postmaster.pid")" 2>/dev/null; then
      die "refused: a postmaster runs on $pgdata - stop the cluster first"
    fi
    if [ -d "$pgdata" ] && [ -n "$(ls -A "$pgdata")" ]; then
      die "refused: $pgdata is not empty; move it aside (mv $pgdata $pgdata.before-restore) and run again"
    fi
    mkdir -p "$pgdata"
    chmod 0700 "$pgdata"
    tar -xzf "$backup/base.tar.gz" -C "$pgdata"
    mkdir -p "$pgdata/pg_wal"
    if [ -f "$backup/pg_wal.tar.gz" ]; then tar -xzf "$backup/pg_wal.tar.gz" -C "$pgdata/pg_wal"; fi
    if [ -n "$archive" ]; then
      {
        echo "restore_command = 'cp $archive/%f %p'"
        if [ -n "$target" ]; then echo "recovery_target_time = '$target'"; fi
        echo "recovery_target_action = 'promote'"
      } >>"$pgdata/postgresql.auto.conf"
      touch "$pgdata/recovery.signal"
      log "recovery set up: replays $archive up to ${target:-its end}"
    elif [ -n "$target" ]; then
      die "--target-time needs --wal-archive"
    fi
    log "unpacked into $pgdata: chown -R postgres:postgres $pgdata, then start the cluster"
    ;;
  *) die "the first argument is dump or base (see --help)" ;;
esac

if [ -n "$data_dir" ]; then
  # After a replay to a later instant the backup's own time is still a safe lower bound to resend from.
  write_marker "$data_dir" "$taken_at"
fi
millis=$((($(date +%s%N) - started) / 1000000))
log "restored from $backup (taken $taken_at) in ${millis} ms"
