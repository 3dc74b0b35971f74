#!/usr/bin/env bash
# The physical PostgreSQL path of docs/backup-restore.md, end to end on a private cluster (the shared test cluster
# grants no replication and has no archive): WAL archiving on, backup-postgres.sh base, commits after the backup,
# restore-postgres.sh base with replay to a point in time, and a check that what was committed before that instant is
# back and what came after is not. Timed and sized; writes bench/results/backup-physical.json.
#
#   deploy/backup/drill.sh [--rows 1000000]
#
# The table is shaped like anpr_reads (camera, plate, key, confidence, two instants), --rows of it. The figures over a
# whole node (registry and reads, SQLite and pg_dump) come from `dotnet run --project bench/Senningen.Bench -c Release -- backup`.
# Port 55471 (SENNINGEN_BACKUP_DRILL_PORT moves it).
set -euo pipefail

script_name=backup_drill
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source-path=SCRIPTDIR source=../lib.sh
. "$here/../lib.sh"

rows=1000000
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done

port=${SENNINGEN_BACKUP_DRILL_PORT:-55471}
pg_bin=$(find_pg_bin) || die "PostgreSQL server binaries are missing: apt-get install postgresql"
prepare_pg_user
work=$(mktemp -d /tmp/senningen-backup-drill.XXXXXX)
chmod 755 "$work"
cleanup() {
  local status=$?
  for dir in primary restored; do
    if [ -f "$work/$dir/postmaster.pid" ]; then run_pg "$pg_bin/pg_ctl" -D "$work/$dir" -m immediate -w stop >/dev/null 2>&1 || true; fi
  done
  if [ "$status" -eq 0 ]; then rm -rf "$work"; else log "kept $work for a look"; fi
  exit "$status"
}
trap cleanup EXIT

sql() { run_pg "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U senningen -d senningen -v ON_ERROR_STOP=1 -tAc "$1"; }
millis_since() { echo $((($(date +%s%N) - $1) / 1000000)); }

pg_dir "$work/primary"
pg_dir "$work/archive"
pg_dir "$work/backups"
pg_dir "$work/logs"
run_pg "$pg_bin/initdb" -D "$work/primary" -U senningen --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; die "initdb failed"; }
cat >>"$work/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$work/logs'
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $work/archive/%f && cp %p $work/archive/%f'
archive_timeout = 60
CONF
run_pg "$pg_bin/pg_ctl" -D "$work/primary" -l "$work/logs/primary.log" -w -t 60 start >/dev/null || { cat "$work/logs/primary.log" >&2; die "the cluster did not start"; }
run_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U senningen senningen

started=$(date +%s%N)
sql "CREATE TABLE reads (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, camera text, plate text, key text, confidence double precision,
       observed_at_ms bigint, received_at_ms bigint, batch int NOT NULL DEFAULT 1);
     INSERT INTO reads (camera, plate, key, confidence, observed_at_ms, received_at_ms)
       SELECT 'HC-' || lpad((i % 2000)::text, 4, '0'), 'AB-' || (i % 50000), 'AB' || (i % 50000), 0.9, 1765000000000 + i, 1765000000000 + i
       FROM generate_series(1, $rows) AS i;
     CREATE INDEX reads_key_time ON reads (key, observed_at_ms); CREATE INDEX reads_camera_time ON reads (camera, observed_at_ms)" >/dev/null
fill_ms=$(millis_since "$started")
database_bytes=$(sql "SELECT pg_database_size('senningen')")
log "filled $rows rows ($database_bytes bytes) in $fill_ms ms"

started=$(date +%s%N)
backup=$("$here/backup-postgres.sh" base --out "$work/backups" --pgopts "-h 127.0.0.1 -p $port -U senningen")
backup_ms=$(millis_since "$started")
backup_bytes=$(sed -n 's/^size=//p' "$backup.meta")

# After the backup: batch 2 is committed before the recovery target, batch 3 after it; only batch 2 may come back.
sql "INSERT INTO reads (camera, plate, key, confidence, observed_at_ms, received_at_ms, batch) SELECT 'HC-0001', 'ZZ-1', 'ZZ1', 0.9, 1, 1, 2 FROM generate_series(1, 1000)" >/dev/null
sleep 1.2
target=$(sql "SELECT now()")
sleep 1.2
sql "INSERT INTO reads (camera, plate, key, confidence, observed_at_ms, received_at_ms, batch) SELECT 'HC-0001', 'ZZ-2', 'ZZ2', 0.9, 1, 1, 3 FROM generate_series(1, 1000)" >/dev/null
sql "SELECT pg_switch_wal()" >/dev/null
for _ in $(seq 1 120); do
  [ "$(sql "SELECT last_failed_wal IS NULL AND last_archived_wal >= pg_walfile_name(pg_current_wal_lsn() - 1) FROM pg_stat_archiver")" = "t" ] && break
  sleep 0.25
done
run_pg "$pg_bin/pg_ctl" -D "$work/primary" -m fast -w stop >/dev/null

started=$(date +%s%N)
"$here/restore-postgres.sh" base --backup "$backup" --pgdata "$work/restored" --wal-archive "$work/archive" --target-time "$target"
[ -z "$pg_user" ] || chown -R "$pg_user" "$work/restored"
run_pg "$pg_bin/pg_ctl" -D "$work/restored" -l "$work/logs/restored.log" -w -t 600 start >/dev/null || { cat "$work/logs/restored.log" >&2; die "the restored cluster did not start"; }
for _ in $(seq 1 2400); do
  [ "$(sql "SELECT pg_is_in_recovery()")" = "f" ] && break
  sleep 0.25
done
restore_ms=$(millis_since "$started")
counts=$(sql "SELECT count(*) FILTER (WHERE batch = 1) || ' ' || count(*) FILTER (WHERE batch = 2) || ' ' || count(*) FILTER (WHERE batch = 3) FROM reads")
read -r before after_kept after_lost <<<"$counts"
log "restored to $target in $restore_ms ms: $before rows of the backup, $after_kept of 1000 committed before the target, $after_lost of 1000 after it"
if [ "$before" != "$rows" ] || [ "$after_kept" != "1000" ] || [ "$after_lost" != "0" ]; then die "point-in-time recovery did not give back exactly what was committed before the target"; fi

mkdir -p "$repo/bench/results"
cat >"$repo/bench/results/backup-physical.json" <<JSON
{
  "suite": "backup-physical",
  "measuredAt": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "machine": "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)",
  "rows": $rows,
  "databaseBytes": $database_bytes,
  "baseBackupMs": $backup_ms,
  "baseBackupBytes": $backup_bytes,
  "restoreAndReplayMs": $restore_ms,
  "pointInTime": { "committedBeforeTargetBack": $after_kept, "committedAfterTargetBack": $after_lost }
}
JSON
log "written bench/results/backup-physical.json"
