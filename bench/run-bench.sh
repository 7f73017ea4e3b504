#!/usr/bin/env bash
# bench/run-bench.sh [--quiet] [--warmup] [bench-registry.sh options...]
#
# Benchmarks our registry (target/portus.jar, PORTUS_REGISTRY_AUTH=none) side by side with the
# reference, CNCF distribution 2.8 (Debian docker-registry), in one interleaved run of
# ../shared/tools/bench-registry.sh, appends the rows to bench/results.tsv and prints the table.
# Builds nothing: run `./portus build` first. Both registries listen on free loopback ports, store
# under target/bench-run/<stamp>/ (deleted at the end; logs kept) and are stopped at the end.
#
#   --quiet    both sides log at warn with no access log (default: both info + an access log per
#              request: distribution's own; ours Tomcat's access log via server.tomcat.accesslog.*)
#   --warmup   first run a --quick pass against our jar alone (not recorded): JIT warm-up
#   anything else goes to bench-registry.sh, e.g. --quick, --budget 90, --no-large
#
# Env: PORTUS_JAVA_OPTS (JVM options for the jar), TMPDIR (bench images in $TMPDIR/bench-images).
# Example:  ./portus build && bench/run-bench.sh --warmup
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SHARED=${PORTUS_SHARED:-$ROOT/../shared}
TOOLS=$SHARED/tools
QUIET=0 WARMUP=0 ARGS=()
for a in "$@"; do
  case "$a" in
    --quiet) QUIET=1 ;;
    --warmup) WARMUP=1 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) ARGS+=("$a") ;;
  esac
done

[ -f target/portus.jar ] || { echo "run-bench: target/portus.jar missing: run ./portus build first" >&2; exit 1; }
[ -x "$TOOLS/bench-registry.sh" ] || [ -f "$TOOLS/bench-registry.sh" ] ||
  { echo "run-bench: $TOOLS/bench-registry.sh not found (set PORTUS_SHARED)" >&2; exit 1; }
for b in docker-registry skopeo wrk hey curl python3; do
  command -v "$b" >/dev/null || { echo "run-bench: $b missing: apt-get install -y docker-registry skopeo wrk hey curl python3" >&2; exit 1; }
done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
RUN=$ROOT/target/bench-run/$(date +%Y%m%d-%H%M%S)-$$
mkdir -p "$RUN/ours/data" "$RUN/dist"
JAVA_PID="" DIST_PIDS=""
cleanup() {
  local p
  [ -n "$JAVA_PID" ] && kill "$JAVA_PID" 2>/dev/null || true
  for p in $DIST_PIDS; do kill "$p" 2>/dev/null || true; done
  for p in $JAVA_PID $DIST_PIDS; do
    for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$p" 2>/dev/null || true
  done
  rm -rf "$RUN/ours/data" "$RUN/dist/storage"
  echo "run-bench: stopped both registries; logs in $RUN" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- distribution 2.8 (the reference) -------------------------------------------------------
DPORT=$(free_port)
dargs=(--port "$DPORT" --dir "$RUN/dist")
[ "$QUIET" = 1 ] && dargs+=(--quiet)
DIST_PIDS=$(bash "$TOOLS/run-distribution.sh" "${dargs[@]}")

# --- our jar -----------------------------------------------------------------------------------
JPORT=$(free_port)
jenv=(SERVER_PORT="$JPORT" SERVER_ADDRESS=127.0.0.1 PORTUS_DATA_DIR="$RUN/ours/data" PORTUS_REGISTRY_AUTH=none)
if [ "$QUIET" = 1 ]; then
  jenv+=(LOGGING_LEVEL_ROOT=WARN SERVER_TOMCAT_ACCESSLOG_ENABLED=false)
else
  # one line per request like distribution's access log (combined format + duration), to a file
  jenv+=(LOGGING_LEVEL_ROOT=INFO SERVER_TOMCAT_ACCESSLOG_ENABLED=true
         SERVER_TOMCAT_ACCESSLOG_DIRECTORY="$RUN/ours" SERVER_TOMCAT_ACCESSLOG_PREFIX=access
         SERVER_TOMCAT_ACCESSLOG_SUFFIX=.log
         SERVER_TOMCAT_ACCESSLOG_PATTERN='%h %l %u %t "%r" %s %b "%{Referer}i" "%{User-Agent}i" %D')
fi
(cd "$RUN/ours" && exec env "${jenv[@]}" "$ROOT/portus" java ${PORTUS_JAVA_OPTS:-} -jar "$ROOT/target/portus.jar" \
   >"$RUN/ours/portus.log" 2>&1) &
JAVA_PID=$!
code=000
for _ in $(seq 1 600); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$JPORT/v2/" || true)
  [ "$code" = 200 ] && break
  kill -0 "$JAVA_PID" 2>/dev/null || break
  sleep 0.2
done
if [ "$code" != 200 ]; then
  echo "run-bench: portus.jar did not serve /v2/ with 200 (last: $code); $RUN/ours/portus.log:" >&2
  tail -20 "$RUN/ours/portus.log" >&2
  exit 1
fi
echo "run-bench: distribution 2.8 on 127.0.0.1:$DPORT (pids $(echo $DIST_PIDS)), portus.jar on 127.0.0.1:$JPORT (pid $JAVA_PID)" >&2

if [ "$WARMUP" = 1 ]; then
  echo "run-bench: warm-up pass against portus.jar (not recorded) ..." >&2
  bash "$TOOLS/bench-registry.sh" --quick --prefix warmup "java=http://127.0.0.1:$JPORT" >"$RUN/warmup.txt" 2>&1 ||
    echo "run-bench: warm-up failed, see $RUN/warmup.txt" >&2
fi

bash "$TOOLS/bench-registry.sh" "ref=http://127.0.0.1:$DPORT" "java=http://127.0.0.1:$JPORT" \
  --tsv "$ROOT/bench/results.tsv" "${ARGS[@]}" | tee "$RUN/table.txt"
