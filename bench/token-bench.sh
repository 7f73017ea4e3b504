#!/usr/bin/env bash
# bench/token-bench.sh [--connections N] [--duration SECONDS] [--runs N] [--warmup SECONDS]
#                      [--db h2|mariadb|postgresql] [--pin]
#
# Token-service benchmark (issue #3): starts target/portus.jar (embedded H2, token mode, generated
# RSA 4096 signing key, fresh data dir under target/bench-run/), bootstraps an admin, creates one user,
# then measures GET /v2/token with the same Basic credentials on every request (what CI fleets do) at
# 64 concurrent connections with wrk: a warm-up run (default 20 s: JIT), then --runs measured runs
# (default 3 x 10 s).
# --db mariadb|postgresql: a fresh portus_bench_* database on the server of PORTUS_TEST_MARIADB /
#   PORTUS_TEST_POSTGRESQL (default 127.0.0.1:3306 root / 127.0.0.1:5432 postgres), dropped at the end.
# --pin: the load generator on the last core alone (taskset), Portus (and nothing else of ours) on the
#   others, so wrk's own CPU use does not land in the server's latency tail.
# Prints req/s and p50/p99 per run plus the load average before and after. Builds nothing: run
# `./portus build` first. Not a test: run it by hand on a quiet machine.
#
# Env: PORTUS_JAVA_OPTS (JVM options), BENCH_SCOPE (default repository:<user>/app:pull,push).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CONNS=64 DURATION=10 RUNS=3 WARMUP=20 DB=h2 PIN=0
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) CONNS=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --runs) RUNS=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --db) DB=$2; shift ;;
    --pin) PIN=1 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "token-bench: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
[ -f target/portus.jar ] || { echo "token-bench: target/portus.jar missing: run ./portus build first" >&2; exit 1; }
for b in wrk curl jq python3; do
  command -v "$b" >/dev/null || { echo "token-bench: $b missing: apt-get install -y wrk curl jq python3" >&2; exit 1; }
done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
RUN=$ROOT/target/bench-run/token-$(date +%Y%m%d-%H%M%S)-$$
mkdir -p "$RUN/data"
JAVA_PID="" DROP_DB=""
cleanup() {
  if [ -n "$JAVA_PID" ]; then
    kill "$JAVA_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$JAVA_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$JAVA_PID" 2>/dev/null || true
  fi
  rm -rf "$RUN/data"
  [ -z "$DROP_DB" ] || eval "$DROP_DB" >/dev/null 2>&1 || true
  echo "token-bench: stopped; log in $RUN/portus.log" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DB_ENV=()
NAME=portus_bench_$(date +%H%M%S)_$$
case "$DB" in
  h2) ;;
  mariadb)
    command -v mariadb >/dev/null || { echo "token-bench: mariadb client missing: apt-get install -y mariadb-client" >&2; exit 1; }
    M=${PORTUS_TEST_MARIADB:-127.0.0.1:3306}
    mariadb -h "${M%:*}" -P "${M##*:}" -u root -e "CREATE DATABASE $NAME"
    DROP_DB="mariadb -h ${M%:*} -P ${M##*:} -u root -e 'DROP DATABASE IF EXISTS $NAME'"
    DB_ENV=(SPRING_DATASOURCE_URL="jdbc:mariadb://$M/$NAME" SPRING_DATASOURCE_USERNAME=root SPRING_DATASOURCE_PASSWORD=) ;;
  postgresql)
    command -v psql >/dev/null || { echo "token-bench: psql missing: apt-get install -y postgresql-client" >&2; exit 1; }
    P=${PORTUS_TEST_POSTGRESQL:-127.0.0.1:5432}
    psql -h "${P%:*}" -p "${P##*:}" -U postgres -qc "CREATE DATABASE $NAME"
    DROP_DB="psql -h ${P%:*} -p ${P##*:} -U postgres -qc 'DROP DATABASE IF EXISTS $NAME WITH (FORCE)'"
    DB_ENV=(SPRING_DATASOURCE_URL="jdbc:postgresql://$P/$NAME" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=) ;;
  *) echo "token-bench: --db h2|mariadb|postgresql" >&2; exit 2 ;;
esac
CORES=$(nproc) SERVER_CPUS=() WRK_CPUS=()
if [ "$PIN" = 1 ]; then
  [ "$CORES" -ge 2 ] || { echo "token-bench: --pin needs 2 cores" >&2; exit 2; }
  SERVER_CPUS=(taskset -c "0-$((CORES - 2))") WRK_CPUS=(taskset -c "$((CORES - 1))")
fi

PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
(cd "$RUN" && exec "${SERVER_CPUS[@]}" env "${DB_ENV[@]}" SERVER_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 PORTUS_DATA_DIR="$RUN/data" \
   PORTUS_REGISTRY_AUTH=token LOGGING_LEVEL_ROOT=WARN \
   "$ROOT/portus" java ${PORTUS_JAVA_OPTS:-} -jar "$ROOT/target/portus.jar" >"$RUN/portus.log" 2>&1) &
JAVA_PID=$!
code=000
for _ in $(seq 1 600); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/v2/" || true)
  case "$code" in 200|401) break ;; esac
  kill -0 "$JAVA_PID" 2>/dev/null || break
  sleep 0.2
done
case "$code" in 200|401) ;; *) echo "token-bench: portus did not start; see $RUN/portus.log" >&2; tail -20 "$RUN/portus.log" >&2; exit 1 ;; esac

# the built-in registry's service name, as its challenge announces it
SERVICE=$(curl -s -D - -o /dev/null "$BASE/v2/" | tr -d '\r' | sed -n 's/^[Ww][Ww][Ww]-[Aa]uthenticate: .*service="\([^"]*\)".*/\1/p')
[ -n "$SERVICE" ] || { echo "token-bench: no service in the /v2/ challenge" >&2; exit 1; }

# an admin (bootstrap) and the user whose credentials are repeated
ADMIN_TOKEN=$(curl -sf -X POST -H 'Content-Type: application/json' \
  -d '{"user":{"username":"admin","email":"admin@example.com","password":"admin-password-1"}}' \
  "$BASE/api/v1/users/bootstrap" | jq -r .plain_token)
[ -n "$ADMIN_TOKEN" ] && [ "$ADMIN_TOKEN" != null ] || { echo "token-bench: bootstrap failed" >&2; exit 1; }
USER=bench PASSWORD=bench-password-1
curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' -H "Portus-Auth: admin:$ADMIN_TOKEN" \
  -d "{\"user\":{\"username\":\"$USER\",\"email\":\"$USER@example.com\",\"password\":\"$PASSWORD\"}}" \
  "$BASE/api/v1/users" || { echo "token-bench: creating the user failed" >&2; exit 1; }
SCOPE=${BENCH_SCOPE:-repository:$USER/app:pull,push}
URL="$BASE/v2/token?service=$(jq -rn --arg s "$SERVICE" '$s|@uri')&scope=$(jq -rn --arg s "$SCOPE" '$s|@uri')"
AUTH="Authorization: Basic $(printf '%s:%s' "$USER" "$PASSWORD" | base64 -w0)"

# one checked request: 200 with the granted access
granted=$(curl -sf -H "$AUTH" "$URL" | jq -r .token | cut -d. -f2 | tr '_-' '/+' | base64 -d 2>/dev/null | jq -c .access || true)
echo "token-bench: service $SERVICE, scope $SCOPE, granted $granted"

run_wrk() { # run_wrk SECONDS -> "req/s p50 p99"
  "${WRK_CPUS[@]}" wrk -t2 -c"$CONNS" -d"${1}s" --latency -H "$AUTH" "$URL" > "$RUN/wrk.out" 2>&1
  local rps p50 p99 non2xx errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$RUN/wrk.out")
  p50=$(awk '$1=="50%" {print $2}' "$RUN/wrk.out")
  p99=$(awk '$1=="99%" {print $2}' "$RUN/wrk.out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$RUN/wrk.out"); errors=$(awk '/Socket errors/ {print $0}' "$RUN/wrk.out")
  echo "$rps $p50 $p99 ${non2xx:-0} ${errors:+($errors)}"
}

echo "token-bench: database $DB, $([ "$PIN" = 1 ] && echo "wrk on CPU $((CORES - 1)), portus on 0-$((CORES - 2))" || echo unpinned)"
echo "token-bench: load average before: $(cut -d' ' -f1-3 /proc/loadavg), cores $CORES"
run_wrk "$WARMUP" >/dev/null   # warm-up (JIT, caches)
printf '%-6s %12s %10s %10s %8s\n' run req/s p50 p99 non-2xx
for i in $(seq 1 "$RUNS"); do
  read -r rps p50 p99 non2xx rest <<<"$(run_wrk "$DURATION")"
  printf '%-6s %12s %10s %10s %8s %s\n' "$i" "$rps" "$p50" "$p99" "$non2xx" "$rest"
done
echo "token-bench: load average after: $(cut -d' ' -f1-3 /proc/loadavg); $CONNS connections, ${DURATION}s per run"
