#!/usr/bin/env bash
# bench/image-bench.sh [--runs N] [--archive PATH]
#
# The container image's figures (issue #13): its size (the OCI archive, i.e. compressed layers, and the
# unpacked root file system) and its start-up time to the first answer of GET /v2/ — from `buildah run` of a
# container (made beforehand, not timed) to the 401, on a fresh /data (first start: database created, keys
# generated) and again on that /data (a restart). The same two starts of target/portus.jar with the build's JDK
# are measured beside it, so the image's cost over the jar shows whatever the machine's load.
# Builds nothing: run `./portus image` first (any --base). Not a test: run it by hand on a quiet machine; it
# prints the load average before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=3 ARCHIVE=target/portus-image.tar
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift ;;
    --archive) ARCHIVE=$2; shift ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ -f "$ARCHIVE" ] || { echo "no $ARCHIVE: run ./portus image first" >&2; exit 1; }
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
work=$(mktemp -d "$PWD/target/image-bench.XXXXXX")
B=(buildah --root "$work/storage/root" --runroot "$work/storage/run" --storage-driver vfs)
cleanup() { "${B[@]}" rmi --all --force >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# until_v2 PORT PID: seconds (3 decimals) from now until GET /v2/ answers 200 or 401
until_v2() {
  local start=$(date +%s%N) code
  while kill -0 "$2" 2>/dev/null; do
    code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$1/v2/" || true)
    if [ "$code" = 401 ] || [ "$code" = 200 ]; then
      echo "scale=3; ($(date +%s%N) - $start) / 1000000000" | bc; return
    fi
    sleep 0.05
  done
  echo "failed"
}
stop() { kill -TERM "$1"; wait "$1" 2>/dev/null || true; }

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "archive (compressed layers): $(( $(stat -c %s "$ARCHIVE") / 1048576 )) MiB"
ctr=$("${B[@]}" from --quiet "oci-archive:$ARCHIVE")
"${B[@]}" config --volume /data- "$ctr"   # see ImageContainer: -v must win over the VOLUME here
echo "unpacked root file system: $(du -sm "$("${B[@]}" mount "$ctr")" | cut -f1) MiB"
mapfile -t entrypoint < <("${B[@]}" inspect "$ctr" | jq -r '.OCIv1.config.Entrypoint[]')

printf 'run\timage first\timage again\tjar first\tjar again\n'
for i in $(seq 1 "$RUNS"); do
  row=$i
  data=$work/data-$i && mkdir -p "$data" && chown 1000:1000 "$data"
  for again in 0 1; do
    port=$(free_port)
    "${B[@]}" run --isolation chroot --network host -v "$data:/data" --env "SERVER_PORT=$port" "$ctr" -- \
      "${entrypoint[@]}" >"$work/image-$i-$again.log" 2>&1 &
    pid=$!; row+="\t$(until_v2 "$port" "$pid")"; stop "$pid"
  done
  jdata=$work/jar-data-$i && mkdir -p "$jdata"
  for again in 0 1; do
    port=$(free_port)
    SERVER_PORT=$port PORTUS_DATA_DIR=$jdata "$JAVA" -XX:MaxRAMPercentage=75 -jar target/portus.jar \
      >"$work/jar-$i-$again.log" 2>&1 &
    pid=$!; row+="\t$(until_v2 "$port" "$pid")"; stop "$pid"
  done
  printf "$row\n"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
