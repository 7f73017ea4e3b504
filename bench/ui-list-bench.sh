#!/usr/bin/env bash
# bench/ui-list-bench.sh [--duration SECONDS] [--repos N] [--tags-per-repo N]
#
# UI list benchmark (issue #5): target/portus.jar on a fresh PostgreSQL database (user postgres, trust;
# dropped afterwards) on the server at PORTUS_TEST_POSTGRESQL (host:port, default 127.0.0.1:5432), or on
# a private one started like ./portus test does when none answers (test-support/databases.sh) with 10,000 repositories and 100,000 tags (default: 100 namespaces of
# 100 repositories, 10 tags each, inserted with generate_series), signed in as the admin through the
# form. Then the rendered repository lists, one connection at a time with wrk (latency p50/p99 per page):
#   namespace page   GET /namespaces/<id>            one namespace's repositories, page 1 (by name)
#   namespace deep   GET /namespaces/<id>?offset=75  a later page
#   all repositories GET /search                     every repository the admin sees, page 1 (by id)
#   search           GET /search?q=app-9             name match over all 10,000
#   explore          GET /explore                    public repositories (anonymous)
# The goal is < 100 ms per render. Builds nothing (run ./portus build first). Not a test: run it by
# hand on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=10 NS=100 PER_NS=100 TAGS=10
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift ;;
    --repos) PER_NS=$(( $2 / NS )); shift ;;
    --tags-per-repo) TAGS=$2; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "ui-list-bench: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
[ -f target/portus.jar ] || { echo "ui-list-bench: target/portus.jar missing: run ./portus build first" >&2; exit 1; }
for b in wrk curl psql python3; do
  command -v "$b" >/dev/null || { echo "ui-list-bench: $b missing" >&2; exit 1; }
done
TEST_DB_DIR=$PWD/target/bench-run/ui-$$/db   # a private PostgreSQL, if any, lives with this run
. test-support/databases.sh
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
DB=portus_uibench_$$
WORK=target/bench-run/ui-$$
mkdir -p "$WORK"
PID=""
PSQL=()
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  [ ${#PSQL[@]} -gt 0 ] && "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
  test_db_stop
}
trap cleanup EXIT
test_db_provide postgresql
PGHOST=${PORTUS_TEST_POSTGRESQL%:*} PGPORT=${PORTUS_TEST_POSTGRESQL##*:}
PSQL=(psql -q -h "$PGHOST" -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"

echo "ui-list-bench: starting portus.jar on :$PORT (PostgreSQL $DB)"
PORTUS_DB_ADAPTER=postgresql PORTUS_DB_HOST=$PGHOST PORTUS_DB_PORT=$PGPORT PORTUS_DB_DATABASE=$DB \
  PORTUS_DB_USERNAME=postgres SERVER_PORT=$PORT SERVER_ADDRESS=127.0.0.1 PORTUS_DATA_DIR=$WORK/data \
  PORTUS_REGISTRY_AUTH=none ./portus java ${PORTUS_JAVA_OPTS:--Xmx1g} -jar target/portus.jar > "$WORK/portus.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health" && break
  sleep 1
done
B=http://127.0.0.1:$PORT
PASSWORD=bench-password-1
curl -fs -o /dev/null -X POST "$B/api/v1/users/bootstrap" -H 'Content-Type: application/json' \
  -d "{\"user\":{\"username\":\"admin\",\"email\":\"admin@example.com\",\"password\":\"$PASSWORD\"}}"

echo "ui-list-bench: seeding $NS namespaces x $PER_NS repositories x $TAGS tags"
"${PSQL[@]}" -d "$DB" <<SQL
INSERT INTO teams (name, description, hidden, created_at, updated_at)
  VALUES ('bench', 'benchmark team', FALSE, now(), now());
INSERT INTO team_users (team_id, user_id, role, created_at, updated_at)
  SELECT t.id, u.id, 2, now(), now() FROM teams t, users u WHERE t.name = 'bench' AND u.username = 'admin';
INSERT INTO namespaces (name, description, team_id, registry_id, visibility, global, created_at, updated_at)
  SELECT 'ns' || g, NULL, t.id, r.id, CASE WHEN g % 10 = 0 THEN 2 ELSE 0 END, FALSE, now(), now()
  FROM generate_series(1, $NS) g, teams t, registries r WHERE t.name = 'bench' AND r.builtin;
INSERT INTO repositories (namespace_id, name, created_at, updated_at)
  SELECT n.id, 'app-' || g, now(), now() FROM namespaces n, generate_series(1, $PER_NS) g WHERE n.name LIKE 'ns%';
INSERT INTO tags (repository_id, name, digest, size, username, pushed_at, created_at, updated_at)
  SELECT r.id, 'v' || g, 'sha256:' || md5(r.id || '-' || g) || md5(g || '-' || r.id), 1000000 + g, 'admin', now(), now(), now()
  FROM repositories r, generate_series(1, $TAGS) g;
ANALYZE;
SQL
"${PSQL[@]}" -d "$DB" -At -c "SELECT 'repositories: ' || (SELECT COUNT(*) FROM repositories) || ', tags: ' || (SELECT COUNT(*) FROM tags)"

JAR=$WORK/cookies
CSRF=$(curl -fs -c "$JAR" -b "$JAR" "$B/users/sign_in" | sed -n 's/.*name="csrf-token" content="\([^"]*\)".*/\1/p')
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "_csrf=$CSRF" -d username=admin \
  --data-urlencode "password=$PASSWORD" "$B/users/sign_in"
SESSION=$(awk '$6 == "portus_session" {print $7}' "$JAR")
[ -n "$SESSION" ] || { echo "ui-list-bench: sign-in failed" >&2; exit 1; }
NSID=$("${PSQL[@]}" -d "$DB" -At -c "SELECT id FROM namespaces WHERE name = 'ns1'")

run() { # run NAME PATH [anonymous]
  local name=$1 path=$2 header=()
  [ "${3:-}" = anonymous ] || header=(-H "Cookie: portus_session=$SESSION")
  local code bytes
  read -r code bytes < <(curl -s -o /dev/null -w '%{http_code} %{size_download}\n' "${header[@]}" "$B$path")
  [ "$code" = 200 ] || { echo "ui-list-bench: $path answered $code" >&2; exit 1; }
  wrk -t1 -c1 -d3s "${header[@]}" "$B$path" > /dev/null   # warm-up
  local out
  out=$(wrk -t1 -c1 -d"${DURATION}s" --latency "${header[@]}" "$B$path")
  printf '%-18s %-34s %7s bytes  p50 %8s  p99 %8s  %s req/s\n' "$name" "$path" "$bytes" \
    "$(echo "$out" | awk '$1 == "50%" {print $2}')" "$(echo "$out" | awk '$1 == "99%" {print $2}')" \
    "$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
}
echo "ui-list-bench: load before: $(cut -d' ' -f1-3 /proc/loadavg)"
run "namespace page" "/namespaces/$NSID"
run "namespace deep" "/namespaces/$NSID?offset=75"
run "all repositories" "/search"
run "search" "/search?q=app-9"
run "explore" "/explore" anonymous
echo "ui-list-bench: load after: $(cut -d' ' -f1-3 /proc/loadavg)"
