#!/usr/bin/env bash
# A private, throw-away PostgreSQL server for the conformance tests (run as root, e.g. in CI).
#
#   eval "$(scripts/ci-postgres.sh start)"                      # installs PostgreSQL if absent, starts it
#   trap 'scripts/ci-postgres.sh stop "$VALENCE_TEST_POSTGRES_DIR"' EXIT
#   swift test                                                  # reads VALENCE_TEST_POSTGRES_URL
#   scripts/ci-postgres.sh down DIR / up DIR                    # stop / restart the server, data kept (fault tests)
#
# `start` initialises a cluster in a new temporary folder owned by `postgres`, listens on 127.0.0.1 on a free
# port (fsync off: the data is disposable), creates a role with a random password and a database it owns, and
# prints only `export` lines on stdout; progress goes to stderr. `stop DIR` stops that server and removes DIR.
set -euo pipefail

log() { echo "ci-postgres: $*" >&2; }

find_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    [[ -n "$dir" && -x "$dir/initdb" ]] && echo "$dir"
}

install_if_absent() {
    if [[ -z "$(find_bin)" ]]; then
        log "installing PostgreSQL from apt"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q >&2
        apt-get install -y -q --no-install-recommends postgresql >&2
    fi
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
    [[ $EUID -eq 0 ]] || { log "run as root"; exit 1; }
    install_if_absent
    local bin dir password port started=""
    bin=$(find_bin) || { log "no PostgreSQL binaries under /usr/lib/postgresql"; exit 1; }
    dir=$(mktemp -d /tmp/valence-postgres.XXXXXX)
    chown postgres:postgres "$dir"
    chmod 700 "$dir"
    as_postgres() { runuser -u postgres -- "$@"; }
    log "initialising a cluster in $dir"
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
    for _ in $(seq 1 20); do
        port=$(( 20000 + RANDOM % 40000 ))
        port_in_use "$port" && continue
        echo "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >"$dir/options"
        if as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start -o "$(cat "$dir/options")" >&2; then
            started=yes
            break
        fi
        log "port $port failed; trying another"
    done
    if [[ -z "$started" ]]; then
        log "the server did not start:"; tail -n 20 "$dir/server.log" >&2 || true
        rm -rf "$dir"; exit 1
    fi
    password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    as_postgres "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q >&2 <<SQL
CREATE ROLE valence_test LOGIN PASSWORD '$password';
CREATE DATABASE valence_test OWNER valence_test;
SQL
    log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (stop: $0 stop $dir)"
    echo "export VALENCE_TEST_POSTGRES_URL='postgres://valence_test:$password@127.0.0.1:$port/valence_test?sslmode=disable'"
    echo "export VALENCE_TEST_POSTGRES_DIR='$dir'"
    echo "export VALENCE_TEST_POSTGRES_CONTROL='$(cd "$(dirname "$0")" && pwd)/$(basename "$0")'"
}

check_dir() {
    [[ -n "$1" && -d "$1/data" && "$1" == /tmp/valence-postgres.* ]] || { log "usage: $0 stop|down|up /tmp/valence-postgres.XXXXXX"; exit 1; }
}

down() {
    check_dir "${1:-}"
    runuser -u postgres -- "$(find_bin)/pg_ctl" -D "$1/data" -m fast -w stop >&2
}

up() {
    check_dir "${1:-}"
    runuser -u postgres -- "$(find_bin)/pg_ctl" -D "$1/data" -l "$1/server.log" -w -t 30 start -o "$(cat "$1/options")" >&2
}

stop() {
    local dir=${1:-}
    check_dir "$dir"
    local bin
    bin=$(find_bin) || true
    if [[ -n "$bin" && -f "$dir/data/postmaster.pid" ]]; then
        runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || log "pg_ctl stop failed"
    fi
    rm -rf "$dir"
    log "stopped and removed $dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    down) down "${2:-}" ;;
    up) up "${2:-}" ;;
    *) echo "usage: $0 start | stop DIR | down DIR | up DIR" >&2; exit 2 ;;
esac
