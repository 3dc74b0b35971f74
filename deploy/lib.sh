# Shared by deploy/local-cluster and deploy/failover-drill: Debian packages, PostgreSQL clusters run as the postgres
# user when we are root, the node's published binaries, free ports. Sourced, not run.

log() { printf '[%s] %s\n' "${script_name:-deploy}" "$*" >&2; }
die() { log "$*"; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

find_pg_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ] && [ -x "$dir/pg_basebackup" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

nginx_bin() {
  if command -v nginx >/dev/null 2>&1; then command -v nginx; elif [ -x /usr/sbin/nginx ]; then echo /usr/sbin/nginx; else return 1; fi
}

# Installs the Debian packages behind the commands that are missing (postgresql, nginx, openssl, curl, pgrep).
install_missing() {
  local missing=() want
  for want in "$@"; do
    case "$want" in
      postgresql) find_pg_bin >/dev/null || missing+=(postgresql) ;;
      nginx) nginx_bin >/dev/null || missing+=(nginx) ;;
      pgrep) command -v pgrep >/dev/null 2>&1 || missing+=(procps) ;;
      *) command -v "$want" >/dev/null 2>&1 || missing+=("$want") ;;
    esac
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  log "installing from Debian: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq </dev/null >/dev/null
  # policy-rc.d or not, the packaged services are not needed: every cluster and nginx here runs from its own directory.
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
}

# initdb and postgres refuse to run as root; as root they run as the package's postgres user.
pg_user=""
prepare_pg_user() {
  if [ "$(id -u)" -eq 0 ]; then
    pg_user=postgres
    id -u "$pg_user" >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /usr/sbin/nologin "$pg_user"
  fi
}

run_pg() {
  # From /: the postgres user may not be allowed into the caller's directory.
  if [ -n "$pg_user" ]; then (cd / && runuser -u "$pg_user" -- "$@"); else "$@"; fi
}

# A directory the postgres user may own and enter (every parent must be traversable).
pg_dir() {
  mkdir -p "$1"
  chmod 700 "$1"
  [ -z "$pg_user" ] || chown "$pg_user" "$1"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The node, published once per checkout state (framework-dependent: the SDK of the README's set-up runs it).
publish_node() {
  local repo=$1 out=$2 stamp
  # The node's sources as committed plus any uncommitted change to them: a new publish only when they differ.
  stamp=$(cd "$repo" && git rev-parse HEAD:src 2>/dev/null)-$(cd "$repo" && git diff HEAD -- src Directory.Build.props Directory.Packages.props 2>/dev/null | sha256sum | cut -c1-12)
  if [ -f "$out/Senningen.Node.dll" ] && [ "$(cat "$out/.published-from" 2>/dev/null)" = "$stamp" ]; then
    return 0
  fi
  log "publishing src/Senningen.Node (Release) to $out"
  rm -rf "$out"
  mkdir -p "$(dirname "$out")"
  dotnet publish "$repo/src/Senningen.Node" -c Release -o "$out" -v q -nologo </dev/null >"$out.log" 2>&1 \
    || { cat "$out.log" >&2; die "dotnet publish failed"; }
  echo "$stamp" >"$out/.published-from"
}

# Waits until GET $1 answers 200 or $2 seconds pass.
wait_http() {
  local url=$1 seconds=$2 i
  for ((i = 0; i < seconds * 4; i++)); do
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
    sleep 0.25
  done
  return 1
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
