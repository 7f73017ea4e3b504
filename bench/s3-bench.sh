#!/usr/bin/env bash
# bench/s3-bench.sh [--no-direct] [--quiet] [registry-bench.py options...]
#
# Our registry on S3 side by side with CNCF distribution 2.8's s3 driver, on one S3 server, in one
# interleaved run of bench/registry-bench.py (push/pull MB/s of rand-100m and rand-1g, GET /v2/,
# HEAD/GET manifest req/s at 16 and 64 connections, blob GET), then the memory of each registry
# process: peak RSS (VmHWM) and, for the JVM, the peak heap in use (largest heap before a GC, from
# its GC log) and the committed heap. Appends every row to bench/results.tsv.
#
# One S3Proxy (the tests' jar, target/s3proxy/s3proxy.jar, filesystem-nio2 backend under
# target/bench-run/<stamp>/s3, deleted at the end) serves a bucket per registry:
#   dist      distribution 2.8, storage.s3 (regionendpoint = S3Proxy, path style), redirects on
#   java      target/portus.jar, REGISTRY_STORAGE=s3, redirects on (blob GETs answer 307 to S3Proxy)
#   dist-nr   distribution 2.8, storage.redirect.disable: true        (left out by --no-direct)
#   java-nr   portus.jar, REGISTRY_STORAGE_REDIRECT_DISABLE=true       (left out by --no-direct)
# distribution reaches S3Proxy through io.portus.it.ListPartsFixProxy (a byte-for-byte forwarder that
# adds the IsTruncated element S3Proxy leaves out of ListParts answers; without it 2.8 panics on every
# PATCH); ours talks to S3Proxy directly.
#
#   --no-direct  only the two redirecting registries
#   --quiet      both sides log at warn with no access log
#   anything else goes to registry-bench.py, e.g. --quick (~2 min), --no-large, --budget 120
#
# Env: PORTUS_JAVA_OPTS (default -Xmx512m: the heap the 1 GiB pushes must fit in).
# Builds nothing: run `./portus build` first (it also copies S3Proxy's jar to target/s3proxy/).
# Example:  ./portus build && bench/s3-bench.sh --no-direct
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
QUIET=0 DIRECT=1 LARGE=1 ARGS=()
for a in "$@"; do
  case "$a" in
    --quiet) QUIET=1 ;;
    --no-direct) DIRECT=0 ;;
    -h|--help) sed -n '2,28p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --quick|--no-large) LARGE=0; ARGS+=("$a") ;;
    *) ARGS+=("$a") ;;
  esac
done

S3JAR=$ROOT/target/s3proxy/s3proxy.jar
[ -f target/portus.jar ] || { echo "s3-bench: target/portus.jar missing: run ./portus build first" >&2; exit 1; }
[ -f "$S3JAR" ] || { echo "s3-bench: $S3JAR missing: run ./portus build first" >&2; exit 1; }
for b in docker-registry skopeo wrk hey curl python3; do
  command -v "$b" >/dev/null || { echo "s3-bench: $b missing: apt-get install -y docker-registry skopeo wrk hey curl python3" >&2; exit 1; }
done
JDK=$("$ROOT/portus" java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')

# --- test images and the ListParts fix, compiled from the test sources with the JDK alone -------
IMAGES=$ROOT/target/bench-images
TOOLS=$ROOT/target/bench-tools
want=(busybox rand-100m)
[ "$LARGE" = 1 ] && want+=(rand-1g)
missing=()
for n in "${want[@]}"; do
  { [ -f "$IMAGES/$n/index.json" ] && grep -q "^$n	" "$IMAGES/images.tsv" 2>/dev/null; } || missing+=("$n")
done
"$JDK/bin/javac" -d "$TOOLS" -sourcepath "$ROOT/src/test/java" \
  "$ROOT/src/test/java/io/portus/it/images/ImageMaker.java" "$ROOT/src/test/java/io/portus/it/ListPartsFixProxy.java"
if [ ${#missing[@]} -gt 0 ]; then
  echo "s3-bench: making test images ${missing[*]} in $IMAGES ..." >&2
  "$JDK/bin/java" -cp "$TOOLS" io.portus.it.images.ImageMaker "$IMAGES" "${missing[@]}" >&2
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
RUN=$ROOT/target/bench-run/s3-$(date +%Y%m%d-%H%M%S)-$$
mkdir -p "$RUN"
PIDS=""
cleanup() {
  local p
  for p in $PIDS; do kill "$p" 2>/dev/null || true; done
  for p in $PIDS; do
    for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$p" 2>/dev/null || true
  done
  rm -rf "$RUN/s3" "$RUN"/*/data
  echo "s3-bench: stopped everything; logs in $RUN" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_code() { # wait_code NAME URL PID LOG CODE...: until URL answers one of CODE
  local name=$1 url=$2 pid=$3 log=$4 code=000; shift 4
  for _ in $(seq 1 600); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)
    for c in "$@"; do [ "$code" = "$c" ] && return 0; done
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  echo "s3-bench: $name did not answer $url (last: $code); $log:" >&2
  tail -20 "$log" >&2
  exit 1
}

# --- S3Proxy ----------------------------------------------------------------------------------------
KEY=bench-access SECRET=bench-secret-0123456789
SPORT=$(free_port)
LABELS=(dist java)
[ "$DIRECT" = 1 ] && LABELS+=(dist-nr java-nr)
for l in "${LABELS[@]}"; do mkdir -p "$RUN/s3/bench-$l" "$RUN/$l"; done   # a bucket is a directory
cat >"$RUN/s3proxy.properties" <<EOF
s3proxy.endpoint=http://127.0.0.1:$SPORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$KEY
s3proxy.credential=$SECRET
s3proxy.ignore-unknown-headers=true
jclouds.provider=filesystem-nio2
jclouds.identity=$KEY
jclouds.credential=$SECRET
jclouds.filesystem.basedir=$RUN/s3
EOF
env -u AWS_CA_BUNDLE "$JDK/bin/java" -Xmx1g -jar "$S3JAR" --properties "$RUN/s3proxy.properties" \
  >"$RUN/s3proxy.log" 2>&1 </dev/null &
S3PID=$!
PIDS="$S3PID"
wait_code S3Proxy "http://127.0.0.1:$SPORT/" "$S3PID" "$RUN/s3proxy.log" 403 200
"$JDK/bin/java" -cp "$TOOLS" io.portus.it.ListPartsFixProxy "$SPORT" >"$RUN/fix-proxy.port" 2>"$RUN/fix-proxy.log" </dev/null &
PIDS="$PIDS $!"
for _ in $(seq 1 100); do [ -s "$RUN/fix-proxy.port" ] && break; sleep 0.1; done
FIXPORT=$(head -1 "$RUN/fix-proxy.port")

declare -A PORT PID
start_dist() { # start_dist LABEL REDIRECT_DISABLE
  local l=$1 port; port=$(free_port)
  {
    echo "version: 0.1"
    if [ "$QUIET" = 1 ]; then echo "log: {level: warn, accesslog: {disabled: true}}"; else echo "log: {level: info}"; fi
    echo "storage:"
    echo "  cache: {blobdescriptor: inmemory}"
    echo "  s3: {accesskey: $KEY, secretkey: $SECRET, region: us-east-1, regionendpoint: \"http://127.0.0.1:$FIXPORT\","
    echo "       bucket: bench-$l, rootdirectory: /registry, secure: false, v4auth: true}"
    echo "  redirect: {disable: $2}"
    echo "  delete: {enabled: true}"
    echo "http:"
    echo "  addr: \"127.0.0.1:$port\""
    echo "  secret: \"$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')\""
  } >"$RUN/$l/config.yml"
  env -u AWS_CA_BUNDLE docker-registry serve "$RUN/$l/config.yml" >"$RUN/$l/registry.log" 2>&1 </dev/null &
  PID[$l]=$! PORT[$l]=$port
  PIDS="$PIDS $!"
  wait_code "$l" "http://127.0.0.1:$port/v2/" "$!" "$RUN/$l/registry.log" 200
}
start_java() { # start_java LABEL REDIRECT_DISABLE
  local l=$1 port; port=$(free_port)
  local jenv=(SERVER_PORT="$port" SERVER_ADDRESS=127.0.0.1 PORTUS_DATA_DIR="$RUN/$l/data" PORTUS_REGISTRY_AUTH=none
    REGISTRY_STORAGE=s3 REGISTRY_STORAGE_S3_REGIONENDPOINT="http://127.0.0.1:$SPORT" REGISTRY_STORAGE_S3_REGION=us-east-1
    REGISTRY_STORAGE_S3_BUCKET="bench-$l" REGISTRY_STORAGE_S3_ROOTDIRECTORY=/registry
    REGISTRY_STORAGE_S3_ACCESSKEY="$KEY" REGISTRY_STORAGE_S3_SECRETKEY="$SECRET" REGISTRY_STORAGE_REDIRECT_DISABLE="$2")
  if [ "$QUIET" = 1 ]; then jenv+=(LOGGING_LEVEL_ROOT=WARN); fi
  mkdir -p "$RUN/$l/data"
  (cd "$RUN/$l" && exec env -u AWS_CA_BUNDLE "${jenv[@]}" "$JDK/bin/java" ${PORTUS_JAVA_OPTS:--Xmx512m} \
     -Xlog:gc:file="$RUN/$l/gc.log" -jar "$ROOT/target/portus.jar" >"$RUN/$l/portus.log" 2>&1 </dev/null) &
  PID[$l]=$! PORT[$l]=$port
  PIDS="$PIDS $!"
  wait_code "$l" "http://127.0.0.1:$port/v2/" "$!" "$RUN/$l/portus.log" 200
}
start_dist dist false
start_java java false
if [ "$DIRECT" = 1 ]; then
  start_dist dist-nr true
  start_java java-nr true
fi
specs=()
for l in "${LABELS[@]}"; do
  specs+=("$l=http://127.0.0.1:${PORT[$l]}")
  echo "s3-bench: $l on 127.0.0.1:${PORT[$l]} (pid ${PID[$l]})" >&2
done
echo "s3-bench: S3Proxy on 127.0.0.1:$SPORT (pid $S3PID), ListParts fix on $FIXPORT; run dir $RUN" >&2

python3 bench/registry-bench.py --images "$IMAGES" "${specs[@]}" --tsv "$ROOT/bench/results.tsv" "${ARGS[@]}" \
  | tee "$RUN/table.txt"

# --- memory of each registry process over the whole run ---------------------------------------
stamp=$(basename "$RUN")
{
  echo
  printf '%-10s %14s %16s %18s\n' registry "peak RSS MiB" "peak heap MiB" "heap committed MiB"
  for l in "${LABELS[@]}"; do
    rss=$(awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/${PID[$l]}/status" 2>/dev/null || echo "?")
    heap=- committed=-
    if [ -f "$RUN/$l/gc.log" ]; then
      # "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 120M->30M(256M) 2.1ms": in use before -> after (committed)
      read -r heap committed < <(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$RUN/$l/gc.log" \
        | sed 's/[-()M>]/ /g' | awk '{ if ($1 > h) h = $1; if ($3 > c) c = $3 } END { print h + 0, c + 0 }')
    fi
    printf '%-10s %14s %16s %18s\n' "$l" "$rss" "$heap" "$committed"
    printf '%s\t%s\thttp://127.0.0.1:%s\t%s\tMiB\t1\t%s\t%s\t%s\t\t\t0\n' "$stamp" "$l" "${PORT[$l]}" "peak RSS" "$rss" "$rss" "$rss" >>bench/results.tsv
    [ "$heap" = - ] || printf '%s\t%s\thttp://127.0.0.1:%s\t%s\tMiB\t1\t%s\t%s\t%s\t\t\t0\n' "$stamp" "$l" "${PORT[$l]}" "peak heap" "$heap" "$heap" "$heap" >>bench/results.tsv
  done
  echo "(peak RSS: VmHWM of the registry process; heap: the JVM's largest heap in use before a GC, and the largest"
  echo " committed heap, from -Xlog:gc; JVM options: ${PORTUS_JAVA_OPTS:--Xmx512m})"
} | tee -a "$RUN/table.txt"
