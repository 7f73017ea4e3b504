#!/usr/bin/env bash
# bench/run-bench.sh [--quiet] [--warmup] [--pin] [registry-bench.py options...]
#
# Benchmarks our registry (target/portus.jar, PORTUS_REGISTRY_AUTH=none) side by side with the
# reference, CNCF distribution 2.8 (Debian docker-registry), in one interleaved run of
# bench/registry-bench.py, appends the rows to bench/results.tsv and prints the table.
# Builds nothing: run `./portus build` first. Both registries listen on free loopback ports, store
# under target/bench-run/<stamp>/ (deleted at the end; logs kept) and are stopped at the end. The
# test images (~1.2 GB with the 1 GiB one) are made once into target/bench-images/ by the tests'
# io.portus.it.images.ImageMaker.
#
#   --quiet    both sides log at warn with no access log (default: both info + an access log per
#              request: distribution's own; ours Tomcat's access log via server.tomcat.accesslog.*)
#   --warmup   first run a --quick pass against our jar alone (not recorded): JIT warm-up
#   --pin      the load generators (registry-bench.py with skopeo, wrk, hey, curl) alone on the last
#              core, both registries on the others (taskset), so the client's CPU is not the servers'
#   anything else goes to registry-bench.py, e.g. --quick (~1 min), --budget 90, --no-large
#
# Env: PORTUS_JAVA_OPTS (JVM options for the jar).
# Example:  ./portus build && bench/run-bench.sh --warmup
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
QUIET=0 WARMUP=0 LARGE=1 PIN=0 ARGS=()
for a in "$@"; do
  case "$a" in
    --quiet) QUIET=1 ;;
    --warmup) WARMUP=1 ;;
    --pin) PIN=1 ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --quick|--no-large) LARGE=0; ARGS+=("$a") ;;
    *) ARGS+=("$a") ;;
  esac
done

[ -f target/portus.jar ] || { echo "run-bench: target/portus.jar missing: run ./portus build first" >&2; exit 1; }
for b in docker-registry skopeo wrk hey curl python3; do
  command -v "$b" >/dev/null || { echo "run-bench: $b missing: apt-get install -y docker-registry skopeo wrk hey curl python3" >&2; exit 1; }
done
[ -x /bin/busybox ] || { echo "run-bench: /bin/busybox missing: apt-get install -y busybox-static" >&2; exit 1; }

# --- test images (made once; ImageMaker uses the JDK alone) -----------------------------------
IMAGES=$ROOT/target/bench-images
want=(busybox rand-100m)
[ "$LARGE" = 1 ] && want+=(rand-1g)
missing=()
for n in "${want[@]}"; do
  { [ -f "$IMAGES/$n/index.json" ] && grep -q "^$n	" "$IMAGES/images.tsv" 2>/dev/null; } || missing+=("$n")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "run-bench: making test images ${missing[*]} in $IMAGES ..." >&2
  rm -rf "$ROOT/target/bench-tools"
  jdk=$("$ROOT/portus" java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')
  "$jdk/bin/javac" -d "$ROOT/target/bench-tools" -sourcepath "$ROOT/src/test/java" \
    "$ROOT/src/test/java/io/portus/it/images/ImageMaker.java"
  "$jdk/bin/java" -cp "$ROOT/target/bench-tools" io.portus.it.images.ImageMaker "$IMAGES" "${missing[@]}" >&2
fi

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

wait_v2() { # wait_v2 NAME PORT PID LOG: until GET /v2/ answers 200
  local code=000
  for _ in $(seq 1 600); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$2/v2/" || true)
    [ "$code" = 200 ] && return 0
    kill -0 "$3" 2>/dev/null || break
    sleep 0.2
  done
  echo "run-bench: $1 did not serve /v2/ with 200 (last: $code); $4:" >&2
  tail -20 "$4" >&2
  exit 1
}
trap 'exit 130' INT TERM

# --- distribution 2.8 (the reference): filesystem storage, deletes on, anonymous HTTP ------------
DPORT=$(free_port)
{
  echo "version: 0.1"
  if [ "$QUIET" = 1 ]; then echo "log: {level: warn, accesslog: {disabled: true}}"
  else echo "log: {level: info}"; fi
  echo "storage:"
  echo "  cache: {blobdescriptor: inmemory}"
  echo "  filesystem: {rootdirectory: \"$RUN/dist/storage\"}"
  echo "  delete: {enabled: true}"
  echo "http:"
  echo "  addr: \"127.0.0.1:$DPORT\""
  echo "  secret: \"$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')\""
  echo "  headers: {X-Content-Type-Options: [nosniff]}"
} >"$RUN/dist/config.yml"
SERVER_CPUS=() LOAD_CPUS=()
if [ "$PIN" = 1 ]; then
  cores=$(nproc)
  [ "$cores" -ge 2 ] || { echo "run-bench: --pin needs 2 cores" >&2; exit 2; }
  SERVER_CPUS=(taskset -c "0-$((cores - 2))") LOAD_CPUS=(taskset -c "$((cores - 1))")
  echo "run-bench: registries on CPUs 0-$((cores - 2)), load generators on CPU $((cores - 1))" >&2
fi
"${SERVER_CPUS[@]}" docker-registry serve "$RUN/dist/config.yml" >"$RUN/dist/registry.log" 2>&1 </dev/null &
DIST_PIDS=$!
wait_v2 "distribution" "$DPORT" "$DIST_PIDS" "$RUN/dist/registry.log"

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
(cd "$RUN/ours" && exec "${SERVER_CPUS[@]}" env "${jenv[@]}" "$ROOT/portus" java ${PORTUS_JAVA_OPTS:-} -jar "$ROOT/target/portus.jar" \
   >"$RUN/ours/portus.log" 2>&1) &
JAVA_PID=$!
wait_v2 "portus.jar" "$JPORT" "$JAVA_PID" "$RUN/ours/portus.log"
echo "run-bench: distribution 2.8 on 127.0.0.1:$DPORT (pids $(echo $DIST_PIDS)), portus.jar on 127.0.0.1:$JPORT (pid $JAVA_PID)" >&2

if [ "$WARMUP" = 1 ]; then
  echo "run-bench: warm-up pass against portus.jar (not recorded) ..." >&2
  "${LOAD_CPUS[@]}" python3 bench/registry-bench.py --images "$IMAGES" --quick --prefix warmup "java=http://127.0.0.1:$JPORT" \
    >"$RUN/warmup.txt" 2>&1 || echo "run-bench: warm-up failed, see $RUN/warmup.txt" >&2
fi

"${LOAD_CPUS[@]}" python3 bench/registry-bench.py --images "$IMAGES" "ref=http://127.0.0.1:$DPORT" "java=http://127.0.0.1:$JPORT" \
  --tsv "$ROOT/bench/results.tsv" "${ARGS[@]}" | tee "$RUN/table.txt"
