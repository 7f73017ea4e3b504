#!/usr/bin/env bash
# bench/gc-bench.sh [REPOS] [BLOBS]   (defaults 1000 10000; the issue's full size is 10000 100000)
#
# Online garbage collection against CNCF distribution 2.8's offline `registry garbage-collect`, on the same
# generated registry: REPOS repositories with BLOBS blobs in distribution's on-disk layout (two images per
# repository, each a config and layers of 1 KiB random data, every manifest tagged, written two hours in the
# past), then half of the tags deleted. Ours (target/portus.jar, H2, grace period 1h) collects while a client
# pushes small images without pause; the script reports the collection time, what it deleted, and the
# push latency (whole push: 3 blob uploads + manifest PUT; and the manifest PUT alone) before and during the
# run. distribution then collects a copy of the same root (cp -a, taken before ours ran) with
# --delete-untagged, timed. It also measures the cost of the push-path hand-shake: blob HEAD latency for
# blobs never touched before (touch + deletion check in the database) and for a blob touched just before
# (the per-instance cache). Prints figures; asserts nothing. Builds nothing: run `./portus build` first.
# Work files under target/gc-bench/<stamp>/ (deleted at the end unless KEEP=1).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
REPOS=${1:-1000}
BLOBS=${2:-10000}
[ -f target/portus.jar ] || { echo "gc-bench: target/portus.jar missing: run ./portus build first" >&2; exit 1; }
command -v docker-registry >/dev/null || { echo "gc-bench: apt-get install -y docker-registry" >&2; exit 1; }
RUN="$ROOT/target/gc-bench/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RUN"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PID=
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] || rm -rf "$RUN/ours" "$RUN/dist"
}
trap cleanup EXIT

echo "gc-bench: generating $REPOS repositories / $BLOBS blobs in $RUN/ours/registry" >&2
python3 - "$RUN/ours/registry" "$REPOS" "$BLOBS" <<'PY'
import hashlib, json, os, sys, time
root, repos, blobs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
v2 = os.path.join(root, "docker/registry/v2")
past = time.time() - 7200
per_repo = max(4, blobs // repos)          # 2 manifests + 2 configs + layers
layers = max(1, (per_repo - 4) // 2)
def put(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    os.utime(path, (past, past))
def blob(data):
    h = hashlib.sha256(data).hexdigest()
    put(f"{v2}/blobs/sha256/{h[:2]}/{h}/data", data)
    return "sha256:" + h
def link(path, d):
    put(path, d.encode())
deleted = 0
for r in range(repos):
    name = f"bench/r{r:05d}"
    rd = f"{v2}/repositories/{name}"
    for i in range(2):
        cfg = blob(json.dumps({"architecture": "amd64", "os": "linux", "n": [r, i]}).encode())
        ls = [blob(os.urandom(1024)) for _ in range(layers)]
        for d in [cfg] + ls:
            link(f"{rd}/_layers/sha256/{d[7:]}/link", d)
        m = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": cfg, "size": 1},
                        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": d, "size": 1024} for d in ls]}).encode()
        md = blob(m)
        link(f"{rd}/_manifests/revisions/sha256/{md[7:]}/link", md)
        if i == 0 or r % 2 == 0:            # half of the tags: the second image of odd repositories loses its tag
            link(f"{rd}/_manifests/tags/t{i}/current/link", md)
            link(f"{rd}/_manifests/tags/t{i}/index/sha256/{md[7:]}/link", md)
        else:
            deleted += 1
print(f"gc-bench: {repos} repositories, {repos * 2} manifests ({deleted} untagged), "
      f"{repos * 2 * (layers + 2)} blobs", file=sys.stderr)
PY
mkdir -p "$RUN/dist"
cp -a "$RUN/ours/registry" "$RUN/dist/registry"
printf 'version: 0.1\nlog: {level: warn}\nstorage:\n  filesystem: {rootdirectory: "%s"}\n  delete: {enabled: true}\nhttp: {addr: "127.0.0.1:0"}\n' \
  "$RUN/dist/registry" > "$RUN/dist/config.yml"

PORT=$(free_port)
SERVER_PORT=$PORT SERVER_ADDRESS=127.0.0.1 PORTUS_DATA_DIR="$RUN/ours/data" PORTUS_REGISTRY_AUTH=none \
  REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY="$RUN/ours/registry" PORTUS_GC_GRACE_PERIOD=1h \
  "$ROOT/portus" java ${PORTUS_JAVA_OPTS:-} -jar target/portus.jar >"$RUN/portus.log" 2>&1 &
PID=$!
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/v2/" || true)" = 200 ] && break
  kill -0 "$PID" 2>/dev/null || { tail -20 "$RUN/portus.log" >&2; exit 1; }
  sleep 0.2
done

python3 -u - "$PORT" <<'PY'
import hashlib, http.client, json, os, statistics, sys, threading, time
port = int(sys.argv[1])
def conn():
    return http.client.HTTPConnection("127.0.0.1", port, timeout=120)
def call(c, method, path, body=None, headers=None):
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse()
    data = r.read()
    return r.status, data, r
def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * p))] * 1000 if xs else float("nan")
c = conn()
st, body, _ = call(c, "POST", "/api/v1/users/bootstrap", json.dumps({"user": {"username": "admin",
    "email": "admin@example.com", "password": "correct-horse-1"}}), {"Content-Type": "application/json"})
auth = {"Portus-Auth": "admin:" + json.loads(body)["plain_token"], "Content-Type": "application/json"}
# the catalog's start-up sync reads the whole registry once (here a registry written offline): wait for it, as a
# registry in service synced long before its collection (a second pass, which waits for the first to end)
t = time.perf_counter()
st, _, _ = call(http.client.HTTPConnection("127.0.0.1", port, timeout=3600), "POST", "/api/v1/catalog/sync", b"", auth)
print(f"catalog sync before measuring (not timed below): {time.perf_counter() - t:.1f} s, HTTP {st}")
c = conn()  # the first connection sat idle meanwhile; the server may have closed it

def push(c, repo, n):
    blobs = []
    for data in (json.dumps({"n": n, "t": time.time()}).encode(), os.urandom(1024), os.urandom(1024)):
        d = "sha256:" + hashlib.sha256(data).hexdigest()
        st, _, _ = call(c, "POST", f"/v2/{repo}/blobs/uploads/?digest={d}", data, {"Content-Type": "application/octet-stream"})
        assert st == 201, st
        blobs.append(d)
    m = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                    "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": blobs[0], "size": 1},
                    "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": d, "size": 1024} for d in blobs[1:]]}).encode()
    t = time.perf_counter()
    st, _, _ = call(c, "PUT", f"/v2/{repo}/manifests/p{n}", m, {"Content-Type": "application/vnd.oci.image.manifest.v1+json"})
    assert st == 201, st
    return time.perf_counter() - t

# the hand-shake's cost: HEAD of blobs never touched (database round trips) vs a blob just touched (cache)
heads = conn()
first, cached = [], []
for r in range(0, 400, 2):
    st, data, _ = call(heads, "GET", f"/v2/bench/r{r:05d}/manifests/t0", headers={"Accept": "application/vnd.oci.image.manifest.v1+json"})
    d = json.loads(data)["layers"][0]["digest"]
    t = time.perf_counter(); st, _, _ = call(heads, "HEAD", f"/v2/bench/r{r:05d}/blobs/{d}"); first.append(time.perf_counter() - t)
    t = time.perf_counter(); st, _, _ = call(heads, "HEAD", f"/v2/bench/r{r:05d}/blobs/{d}"); cached.append(time.perf_counter() - t)
print(f"blob HEAD, first touch (touch + deletion check): p50 {pct(first, .5):.2f} ms  p99 {pct(first, .99):.2f} ms  (n={len(first)})")
print(f"blob HEAD, touched just before (cache):          p50 {pct(cached, .5):.2f} ms  p99 {pct(cached, .99):.2f} ms  (n={len(cached)})")

def collect(dry):
    st, body, _ = call(c, "POST", "/api/v1/gc", json.dumps({"dry_run": dry}), auth)
    assert st == 202, (st, body)
    gid = json.loads(body)["id"]
    t0 = time.perf_counter()
    while True:
        st, body, _ = call(c, "GET", f"/api/v1/gc/{gid}", headers=auth)
        run = json.loads(body)
        if run["state"] != "running":
            return run, time.perf_counter() - t0
        time.sleep(0.05)
run, wall = collect(True)
print(f"our dry run, no pushes: {run['state']} in {wall:.2f} s - {run['manifests_deleted']} manifests, "
      f"{run['blobs_deleted']} blobs would go")
samples = {"before": ([], []), "during": ([], [])}
phase = ["before"]
stop = threading.Event()
def pusher():
    pc = conn()
    n = 0
    while not stop.is_set():
        ph = phase[0]
        t = time.perf_counter()
        put = push(pc, "bench/live", n)
        total = time.perf_counter() - t
        if ph == phase[0] and ph in samples:
            samples[ph][0].append(total)
            samples[ph][1].append(put)
        n += 1
th = threading.Thread(target=pusher); th.start()
time.sleep(5)
phase[0] = "during"
run, wall = collect(False)
phase[0] = "after"
stop.set(); th.join()
print(f"our online gc: {run['state']} in {wall:.2f} s (API wall time) - {run['repositories_scanned']} repositories, "
      f"{run['blobs_scanned']} blobs scanned, {run['manifests_deleted']} manifests and {run['blobs_deleted']} blobs "
      f"deleted, {run['bytes_freed']} bytes freed")
for ph in ("before", "during"):
    tot, put = samples[ph]
    print(f"pushes {ph:6} gc: n={len(tot):4}  push p50 {pct(tot, .5):6.2f} ms p99 {pct(tot, .99):6.2f} ms   "
          f"manifest PUT p50 {pct(put, .5):6.2f} ms p99 {pct(put, .99):6.2f} ms")
PY
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
start=$(date +%s.%N)
docker-registry garbage-collect --delete-untagged "$RUN/dist/config.yml" >"$RUN/dist-gc.log" 2>&1
end=$(date +%s.%N)
echo "distribution 2.8 offline garbage-collect --delete-untagged: $(python3 -c "print(f'{$end - $start:.2f}')") s" \
  "- $(grep -c 'eligible for deletion' "$RUN/dist-gc.log" || true) blobs/manifests deleted (registry read-only meanwhile)"
