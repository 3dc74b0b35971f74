# shellcheck shell=bash
# Shared by the backup and restore scripts of deploy/backup. Sourced, not run.

log() { printf '[%s] %s\n' "${script_name:-backup}" "$*" >&2; }
die() { log "$*"; exit 1; }

utc_now() { date -u +%Y-%m-%dT%H:%M:%SZ; }
stamp() { date -u +%Y%m%dT%H%M%SZ; }

# The processes (pids) that hold FILE, or FILE-wal, FILE-shm, open: a running node keeps its database open for as
# long as it runs. Read from /proc so that no psmisc/lsof is needed; root sees every process.
holders_of() {
  local file target fd
  file=$(readlink -f "$1")
  for fd in /proc/[0-9]*/fd/*; do
    target=$(readlink "$fd" 2>/dev/null) || continue
    case "$target" in
      "$file" | "$file-wal" | "$file-shm" | "$file-journal")
        fd=${fd#/proc/}
        echo "${fd%%/*}"
        ;;
    esac
  done | sort -u
}

# key=value lines of a .meta file written next to each backup.
meta_get() {
  local file=$1 key=$2
  sed -n "s/^${key}=//p" "$file" | head -n 1
}

# The marker the node looks for at start (RestoreMarker): it then asks its partners to resend since the backup and to
# show the heads of its audit log they hold.
write_marker() {
  local data_dir=$1 taken_at=$2
  [ -d "$data_dir" ] || die "node data directory $data_dir does not exist"
  printf '%s\n' "$taken_at" >"$data_dir/restored-from-backup"
  log "marker written: $data_dir/restored-from-backup (backup of $taken_at); the node asks its partners to resend at its next start"
}

# Refuses while a systemd instance of the node runs (deploy/systemd), whatever user runs this script: /proc shows a
# non-root caller only its own processes.
refuse_running_units() {
  local active
  command -v systemctl >/dev/null 2>&1 || return 0
  # No systemd (a container, a test machine): nothing to ask, the /proc and session checks still apply.
  active=$({ systemctl list-units --no-legend --state=active 'senningen-node@*' 2>/dev/null || true; } | awk '{print $1}' | tr '\n' ' ')
  [ -z "$active" ] || die "refused: $active is running - stop every instance of the node first"
}
