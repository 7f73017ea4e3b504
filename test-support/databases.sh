# test-support/databases.sh — sourced by `./portus test`: the MariaDB and PostgreSQL servers the tests use.
#
#   test_db_provide [mariadb] [postgresql]
#                     for each of MariaDB and PostgreSQL (default both): when the server named by PORTUS_TEST_MARIADB /
#                     PORTUS_TEST_POSTGRESQL (host:port; default 127.0.0.1:3306 / 127.0.0.1:5432) answers,
#                     use it; otherwise install the Debian package when missing (mariadb-server /
#                     postgresql) and start a private, throwaway server on a free loopback port, data and
#                     unix socket under target/test-db/ (the machine's own servers are left alone).
#                     Exports PORTUS_TEST_MARIADB and PORTUS_TEST_POSTGRESQL with the addresses to use.
#   test_db_stop      stops the private servers and deletes their data (logs stay in target/test-db/).
#
# The private servers keep the assumptions of the tests: MariaDB user root without a password,
# PostgreSQL user postgres with trust authentication. They run with durability off (a test run
# does not need its data after a crash). PostgreSQL refuses to run as root: as root it runs as the
# `postgres` system user (from the package), in a directory that user owns.

TEST_DB_DIR=${TEST_DB_DIR:-$PWD/target/test-db}
TEST_DB_STARTED=()

test_db_log() { echo "portus: $*" >&2; }

test_db_answers() { # test_db_answers HOST:PORT -> status 0 when something accepts TCP connections there
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "${1%:*}" "${1##*:}" 2>/dev/null
}

test_db_free_port() { # a loopback port nothing listens on
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    test_db_answers "127.0.0.1:$p" || { echo "$p"; return; }
  done
}

test_db_as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

test_db_install() { # test_db_install PACKAGE...
  test_db_log "installing ${*} (for private test database servers)"
  test_db_as_root apt-get update -q >&2 &&
    test_db_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >&2
}

test_db_wait() { # test_db_wait NAME PID HOST:PORT LOG
  local i
  for i in $(seq 1 300); do
    test_db_answers "$3" && return 0
    kill -0 "$2" 2>/dev/null || break
    sleep 0.2
  done
  test_db_log "the private $1 did not start; $4:"
  tail -20 "$4" >&2
  return 1
}

test_db_mariadb() { # starts a private MariaDB; sets TEST_DB_ADDR to its host:port
  local dir=$TEST_DB_DIR/mariadb port pid bin
  bin=$(command -v mariadbd || echo /usr/sbin/mariadbd)
  if [ ! -x "$bin" ] || ! command -v mariadb-install-db >/dev/null; then
    test_db_install mariadb-server || return 1
    bin=$(command -v mariadbd || echo /usr/sbin/mariadbd)
  fi
  rm -rf "$dir" && mkdir -p "$dir/data" "$dir/run"
  # --no-defaults: nothing from /etc/mysql (the machine's server's socket, port, datadir ...)
  mariadb-install-db --no-defaults --datadir="$dir/data" --user="$(id -un)" \
    --auth-root-authentication-method=normal --skip-test-db >"$dir/install.log" 2>&1 ||
    { test_db_log "mariadb-install-db failed; $dir/install.log:"; tail -20 "$dir/install.log" >&2; return 1; }
  port=$(test_db_free_port)
  "$bin" --no-defaults --datadir="$dir/data" --user="$(id -un)" --bind-address=127.0.0.1 --port="$port" \
    --socket="$(test_db_socket_dir "$dir")/mysqld.sock" --pid-file="$dir/run/mysqld.pid" \
    --log-error="$dir/error.log" --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
    --innodb-flush-log-at-trx-commit=0 --innodb-buffer-pool-size=128M --max-connections=300 \
    </dev/null >/dev/null 2>&1 &
  pid=$!
  TEST_DB_STARTED+=("mariadb:$pid")
  test_db_wait MariaDB "$pid" "127.0.0.1:$port" "$dir/error.log" || return 1
  TEST_DB_ADDR=127.0.0.1:$port
}

test_db_postgresql() { # starts a private PostgreSQL; sets TEST_DB_ADDR to its host:port
  local dir=$TEST_DB_DIR/postgresql bin port run=() data
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    test_db_install postgresql || return 1
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  rm -rf "$dir" && mkdir -p "$dir"
  data=$dir
  if [ "$(id -u)" = 0 ]; then
    run=(runuser -u postgres --)
    # the postgres user must reach its directory; when a parent of target/ is closed to it
    # (mktemp -d makes 0700 directories), the data goes to a directory of its own under $TMPDIR
    if ! runuser -u postgres -- test -x "$dir" 2>/dev/null; then
      data=$(mktemp -d "${TMPDIR:-/tmp}/portus-test-postgresql.XXXXXX")
      echo "$data" >"$dir/data-elsewhere"
    fi
    chown postgres: "$data"
  fi
  "${run[@]}" "$bin/initdb" -D "$data/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 ||
    { test_db_log "initdb failed; $dir/initdb.log:"; tail -20 "$dir/initdb.log" >&2; return 1; }
  port=$(test_db_free_port)
  "${run[@]}" "$bin/pg_ctl" -D "$data/data" -l "$data/server.log" -w -t 60 start \
    -o "-p $port -h 127.0.0.1 -k $(test_db_socket_dir "$data" postgres) -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    >"$dir/pg_ctl.log" 2>&1 ||
    { test_db_log "the private PostgreSQL did not start; $data/server.log:"; tail -20 "$data/server.log" >&2; return 1; }
  TEST_DB_STARTED+=("postgresql:$data")
  TEST_DB_ADDR=127.0.0.1:$port
}

test_db_socket_dir() { # test_db_socket_dir DIR [OWNER]: DIR/run, or a short directory under /tmp when
  local d=$1/run       # DIR is too deep for a unix socket path (~100 bytes at most)
  if [ ${#d} -gt 80 ]; then
    d=$(mktemp -d /tmp/portus-test-db.XXXXXX)
    echo "$d" >>"$TEST_DB_DIR/socket-dirs"
  fi
  mkdir -p "$d"
  if [ -n "${2:-}" ] && [ "$(id -u)" = 0 ]; then chown "$2:" "$d"; fi
  echo "$d"
}

test_db_provide() {
  local vendor var default addr vendors=("$@")
  [ $# -gt 0 ] || vendors=(mariadb postgresql)
  mkdir -p "$TEST_DB_DIR"
  for vendor in "${vendors[@]}"; do
    if [ "$vendor" = mariadb ]; then var=PORTUS_TEST_MARIADB default=127.0.0.1:3306
    else var=PORTUS_TEST_POSTGRESQL default=127.0.0.1:5432; fi
    addr=${!var:-$default}
    if test_db_answers "$addr"; then
      test_db_log "$vendor: using the server on $addr"
    else
      test_db_log "$vendor: nothing answers on $addr; starting a private server (data in $TEST_DB_DIR/$vendor)"
      "test_db_$vendor" || return 1
      addr=$TEST_DB_ADDR
      test_db_log "$vendor: private server on $addr"
    fi
    export "$var=$addr"
  done
}

test_db_stop() {
  local s pid data bin
  for s in "${TEST_DB_STARTED[@]}"; do
    case "$s" in
      mariadb:*)
        pid=${s#mariadb:}
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$pid" 2>/dev/null || true
        rm -rf "$TEST_DB_DIR/mariadb/data" ;;
      postgresql:*)
        data=${s#postgresql:}
        bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
        if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$data/data" -m fast -w stop >/dev/null 2>&1
        else "$bin/pg_ctl" -D "$data/data" -m fast -w stop >/dev/null 2>&1; fi || true
        [ -f "$data/server.log" ] && [ "$data" != "$TEST_DB_DIR/postgresql" ] && cp "$data/server.log" "$TEST_DB_DIR/postgresql/"
        rm -rf "$data/data"
        [ "$data" != "$TEST_DB_DIR/postgresql" ] && rm -rf "$data" ;;
    esac
  done
  if [ -f "$TEST_DB_DIR/socket-dirs" ]; then
    while read -r s; do rm -rf "$s"; done <"$TEST_DB_DIR/socket-dirs"
    rm -f "$TEST_DB_DIR/socket-dirs"
  fi
  [ ${#TEST_DB_STARTED[@]} -gt 0 ] && test_db_log "stopped the private test database servers"
  TEST_DB_STARTED=()
}
