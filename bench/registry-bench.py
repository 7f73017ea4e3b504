#!/usr/bin/env python3
"""registry-bench.py [options] LABEL=URL [LABEL=URL ...]

Side-by-side benchmark of Docker/OCI registries on this machine (loopback URLs only), anonymous
HTTP(S). Every repetition runs on each registry in turn (A B A B ...), so machine noise hits all
alike. Per registry:

  push rand-100m, rand-1g   skopeo copy oci:IMAGES/NAME:latest -> a new repository each time, with a
                            private, empty blob-info cache (else skopeo would mount earlier pushes)
  pull rand-100m, rand-1g   skopeo copy docker://... -> an oci: layout in /dev/shm
  GET /v2/, GET manifest    wrk, 2 threads, 16 and 64 connections: req/s, p50, p99
  HEAD manifest             hey (wrk stalls on bodiless HEAD answers), 16 and 64 connections
  blob GET                  curl, the largest layer (512 MiB of rand-1g; rand-100m's 25 MiB without it)

MB = 10^6 bytes; push/pull MB/s = compressed layer bytes / wall time of the whole skopeo process.
Prints a table (median, min, max over the repetitions, median p50/p99, errors) and with --tsv
appends the same rows (columns: run label url test unit n median min max p50_ms p99_ms errors).

Options:
  --images DIR    test images made by io.portus.it.images.ImageMaker, with images.tsv (required)
  --quick         one repetition, 2 s load runs, no 1 GiB image: a smoke test (~1 min for two)
  --no-large      without the 1 GiB image
  --budget SEC    time per registry (default 180); repetitions that would not fit are left out
  --duration SEC  seconds per load run (default 3; 3 runs each after a 1 s warm-up)
  --prefix P      repositories go under P/<run>/ (default bench)
  --tsv FILE      append the rows to FILE
Needs skopeo, wrk, hey, curl (Debian packages of those names).
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

ACCEPT = ", ".join(["application/vnd.oci.image.manifest.v1+json",
                    "application/vnd.docker.distribution.manifest.v2+json",
                    "application/vnd.oci.image.index.v1+json",
                    "application/vnd.docker.distribution.manifest.list.v2+json"])
SYSTEM_BLOB_CACHE = "/var/lib/containers/cache"   # root's blob-info cache, whatever HOME says


def fail(msg):
    sys.exit(f"registry-bench: {msg}")


def note(t0, msg):
    print(f"[{time.time() - t0:6.1f}s] {msg}", file=sys.stderr, flush=True)


class Registry:
    def __init__(self, spec):
        label, sep, url = spec.partition("=")
        if not sep:
            label, url = spec, spec
        self.label, self.url = label, url.rstrip("/")
        u = urllib.parse.urlsplit(self.url)
        host = u.hostname or ""
        if u.scheme not in ("http", "https") or not (host in ("localhost", "::1") or re.fullmatch(r"127(\.\d+){3}", host)):
            fail(f"{spec}: want LABEL=http[s]://127.x.x.x:PORT (loopback only)")
        self.host, self.tls = u.netloc, u.scheme == "https"
        self.api = "-"


class Skopeo:
    """skopeo with a fresh blob-info cache per run: as root a private mount namespace over the system
    cache directory (unshare -m), otherwise a temporary XDG_DATA_HOME."""

    def __init__(self, tmp):
        self.tmp = tmp
        self.root = os.geteuid() == 0
        if self.root:
            os.makedirs(SYSTEM_BLOB_CACHE, exist_ok=True)
            probe = subprocess.run(self._wrap(["true"], tempfile.mkdtemp(dir=tmp)), capture_output=True)
            if probe.returncode != 0:
                print("registry-bench: warning: unshare -m failed; skopeo may mount blobs of earlier pushes",
                      file=sys.stderr)
                self.root = False

    def _wrap(self, cmd, cache):
        return ["unshare", "-m", "--propagation", "private", "sh", "-c",
                f'mount --bind "$0" {SYSTEM_BLOB_CACHE} && exec "$@"', cache] + cmd

    def copy(self, reg, src, dst, timeout):
        side = "--dest" if dst.startswith("docker://") else "--src"
        cmd = ["skopeo", "copy", "-q", f"{side}-tls-verify=false", src, dst]
        cache = tempfile.mkdtemp(dir=self.tmp)
        env = dict(os.environ, XDG_DATA_HOME=cache, HOME=cache)
        t = time.time()
        r = subprocess.run(self._wrap(cmd, cache) if self.root else cmd, env=env, capture_output=True,
                           text=True, timeout=timeout)
        took = time.time() - t
        shutil.rmtree(cache, ignore_errors=True)
        if r.returncode != 0:
            raise RuntimeError((r.stderr or r.stdout).strip()[-300:])
        return took


def millis(text):
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[m.group(2)]


def wrk(url, conns, seconds):
    out = subprocess.run(["wrk", "-t2", f"-c{conns}", f"-d{seconds}s", "--latency", "--timeout", "5s",
                          "-H", f"Accept: {ACCEPT}", url], capture_output=True, text=True, timeout=seconds + 30).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    lat = dict(re.findall(r"^\s*(50|99)(?:\.0+)?%\s+(\S+)\s*$", out, re.M))
    if "50" not in lat or "99" not in lat:
        raise ValueError("no latency percentiles in wrk's output:\n" + out)
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s+(\d+)", out))
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors += sum(map(int, sock.groups())) if sock else 0
    return rps, millis(lat["50"]), millis(lat["99"]), errors


def hey(url, method, conns, seconds):
    out = subprocess.run(["hey", "-z", f"{seconds}s", "-c", str(conns), "-m", method, "-t", "5",
                          "-H", f"Accept: {ACCEPT}", url], capture_output=True, text=True, timeout=seconds + 30).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = float(re.search(r"50% in ([\d.]+) secs", out).group(1)) * 1000
    p99 = float(re.search(r"99% in ([\d.]+) secs", out).group(1)) * 1000
    errors = sum(int(n) for code, n in re.findall(r"\[(\d{3})\]\s+(\d+) responses", out) if code[0] != "2")
    tail = out.split("Error distribution:", 1)
    errors += sum(int(n) for n in re.findall(r"\[(\d+)\]", tail[1])) if len(tail) == 2 else 0
    return rps, p50, p99, errors


class Results:
    def __init__(self):
        self.rows = {}   # (test, label) -> dict, in insertion order

    def add(self, reg, test, unit, value=None, p50=None, p99=None, errors=0):
        r = self.rows.setdefault((test, reg.label), {"reg": reg, "test": test, "unit": unit, "v": [], "p50": [],
                                                     "p99": [], "err": 0})
        for key, x in (("v", value), ("p50", p50), ("p99", p99)):
            if x is not None:
                r[key].append(x)
        r["err"] += errors

    def by_test(self):
        tests = list(dict.fromkeys(t for t, _ in self.rows))
        return [r for t in tests for r in self.rows.values() if r["test"] == t]


def main():
    ap = argparse.ArgumentParser(usage=__doc__)
    ap.add_argument("registries", nargs="+")
    ap.add_argument("--images", required=True)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--no-large", action="store_true")
    ap.add_argument("--budget", type=float, default=180)
    ap.add_argument("--duration", type=float, default=3)
    ap.add_argument("--prefix", default="bench")
    ap.add_argument("--tsv")
    a = ap.parse_args()
    for tool in ("skopeo", "wrk", "hey", "curl"):
        if not shutil.which(tool):
            fail(f"{tool} missing: apt-get install -y skopeo wrk hey curl")
    regs = [Registry(s) for s in a.registries]
    images = {}
    for line in open(os.path.join(a.images, "images.tsv")).read().splitlines()[1:]:
        f = line.split("\t")
        images[f[0]] = {"bytes": int(f[2]), "layers": int(f[3]), "big": f[4], "big_bytes": int(f[5])}
    large = not (a.quick or a.no_large)
    sizes = ["rand-100m"] + (["rand-1g"] if large else [])
    for name in sizes + ["busybox"]:
        if name not in images:
            fail(f"image {name} missing in {a.images}")
    reps = {"rand-100m": 1 if a.quick else 5, "rand-1g": 3}
    load_reps, blob_reps = (1, 1) if a.quick else (3, 5)
    seconds = 2 if a.quick else a.duration

    t0 = time.time()
    deadline = t0 + a.budget * len(regs)
    run = time.strftime("%Y%m%d-%H%M%S") + f"-{os.getpid()}"
    load0 = " ".join(open("/proc/loadavg").read().split()[:3])
    tmp = tempfile.mkdtemp(prefix="registry-bench-")
    shm = "/dev/shm" if os.path.isdir("/dev/shm") and shutil.disk_usage("/dev/shm").free > 3 << 30 else tmp
    skopeo = Skopeo(tmp)
    res = Results()
    try:
        for reg in regs:
            try:
                with urllib.request.urlopen(reg.url + "/v2/", timeout=10) as r:
                    reg.api = r.headers.get("Docker-Distribution-API-Version", "-")
            except (urllib.error.URLError, OSError) as e:
                fail(f"{reg.url}/v2/: {e} (this bench is for anonymous registries)")
            skopeo.copy(reg, f"oci:{a.images}/busybox:latest", f"docker://{reg.host}/{a.prefix}/{run}/small:latest", 120)
            note(t0, f"{reg.label}: {reg.url} ({reg.api}) ready")

        # push and pull; the time estimate of a step is its last duration
        last = {}
        for name in sizes:
            mb = images[name]["bytes"] / 1e6
            for kind in ("push", "pull"):
                for rep in range(1, reps[name] + 1):
                    for reg in regs:
                        guess = last.get((kind, name, reg.label), 5 + mb / 50)
                        if rep > 1 and time.time() + guess + 60 * len(regs) > deadline:
                            continue
                        repo = f"docker://{reg.host}/{a.prefix}/{run}/{name}-{rep if kind == 'push' else 1}:latest"
                        out = tempfile.mkdtemp(prefix="pull-", dir=shm)
                        try:
                            src, dst = (f"oci:{a.images}/{name}:latest", repo) if kind == "push" else (repo, f"oci:{out}:latest")
                            took = skopeo.copy(reg, src, dst, max(30, deadline - time.time()))
                            last[(kind, name, reg.label)] = took
                            res.add(reg, f"{kind} {name}", "MB/s", mb / took)
                            note(t0, f"{reg.label}: {kind} {name} #{rep}: {took:.2f} s, {mb / took:.0f} MB/s")
                        except (RuntimeError, subprocess.TimeoutExpired) as e:
                            res.add(reg, f"{kind} {name}", "MB/s", errors=1)
                            note(t0, f"{reg.label}: {kind} {name} #{rep} FAILED: {e}")
                        finally:
                            shutil.rmtree(out, ignore_errors=True)

        # small requests: a 1 s warm-up per endpoint, then rounds over every endpoint
        loads = [("GET /v2/", "GET", lambda r: "/v2/"),
                 ("HEAD manifest", "HEAD", lambda r: f"/v2/{a.prefix}/{run}/small/manifests/latest"),
                 ("GET manifest", "GET", lambda r: f"/v2/{a.prefix}/{run}/small/manifests/latest")]

        def load(reg, method, path, conns, secs):
            url = reg.url + path
            return hey(url, "HEAD", conns, secs) if method == "HEAD" else wrk(url, conns, secs)

        for reg in regs:
            for _, method, path in loads:
                try:
                    load(reg, method, path(reg), 16, 1)
                except (AttributeError, ValueError, subprocess.TimeoutExpired):
                    pass
        for rnd in range(load_reps):
            for test, method, path in loads:
                for conns in (16, 64):
                    for reg in regs:
                        name = f"{test} c={conns}"
                        if rnd > 0 and time.time() + seconds + 30 * len(regs) > deadline:
                            res.add(reg, name, "req/s")
                            continue
                        try:
                            rps, p50, p99, err = load(reg, method, path(reg), conns, seconds)
                            res.add(reg, name, "req/s", rps, p50, p99, err)
                            note(t0, f"{reg.label}: {name} #{rnd + 1}: {rps:.0f} req/s, p50 {p50:.1f} ms, "
                                     f"p99 {p99:.1f} ms, {err} errors")
                        except (AttributeError, ValueError, subprocess.TimeoutExpired) as e:
                            res.add(reg, name, "req/s", errors=1)
                            note(t0, f"{reg.label}: {name} #{rnd + 1} FAILED: {e!r}")

        # blob GET of the largest layer
        blob_image = "rand-1g" if large else "rand-100m"
        big, big_bytes = images[blob_image]["big"], images[blob_image]["big_bytes"]
        test = f"blob GET {big_bytes / 2**20:.0f}MiB"
        for rep in range(blob_reps):
            for reg in regs:
                if rep > 0 and time.time() + 10 > deadline:
                    continue
                url = f"{reg.url}/v2/{a.prefix}/{run}/{blob_image}-1/blobs/{big}"
                r = subprocess.run(["curl", "-sS", "-k", "-L", "-o", "/dev/null", "--max-time", "120", "-w",
                                    "%{http_code} %{size_download} %{time_total}", url],
                                   capture_output=True, text=True, timeout=130)
                parts = r.stdout.split()
                if len(parts) == 3 and parts[0] == "200" and int(parts[1]) == big_bytes:
                    took = float(parts[2])
                    res.add(reg, test, "MB/s", big_bytes / took / 1e6)
                    note(t0, f"{reg.label}: {test} #{rep + 1}: {took:.3f} s, {big_bytes / took / 1e6:.0f} MB/s")
                else:
                    res.add(reg, test, "MB/s", errors=1)
                    note(t0, f"{reg.label}: {test} #{rep + 1} FAILED: {r.stdout} {r.stderr.strip()}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    report(a, regs, res, run, t0, load0, sizes, images)


def report(a, regs, res, run, t0, load0, sizes, images):
    def num(x):
        return "-" if x is None else f"{x:.0f}" if x >= 100 else f"{x:.1f}" if x >= 10 else f"{x:.2f}"

    load1 = " ".join(open("/proc/loadavg").read().split()[:3])
    print(f"\nregistry-bench {run}: {os.cpu_count()} cpus, load average {load0} before, {load1} after, "
          f"{time.time() - t0:.0f} s")
    for reg in regs:
        print(f"  {reg.label:10s} {reg.url} ({reg.api})")
    print("  images: " + ", ".join(f"{n} {images[n]['bytes'] / 1e6:.0f} MB in {images[n]['layers']} layers" for n in sizes))
    head = f"{'test':24s} {'registry':10s} {'unit':5s} {'n':>2s} {'median':>8s} {'min':>8s} {'max':>8s} {'p50 ms':>7s} {'p99 ms':>7s} {'err':>4s}"
    print(head + "\n" + "-" * len(head))
    tsv = []
    for r in res.by_test():
        v = r["v"]
        med, lo, hi = (statistics.median(v), min(v), max(v)) if v else (None, None, None)
        p50 = statistics.median(r["p50"]) if r["p50"] else None
        p99 = statistics.median(r["p99"]) if r["p99"] else None
        print(f"{r['test']:24s} {r['reg'].label:10s} {r['unit']:5s} {len(v):2d} {num(med):>8s} {num(lo):>8s} "
              f"{num(hi):>8s} {num(p50) if p50 is not None else '':>7s} {num(p99) if p99 is not None else '':>7s} {r['err']:4d}")
        tsv.append([run, r["reg"].label, r["reg"].url, r["test"], r["unit"], str(len(v))]
                   + ["" if x is None else f"{x:.3f}" for x in (med, lo, hi, p50, p99)] + [str(r["err"])])
    print("(MB/s of compressed layer bytes, skopeo start included; p50/p99: median over runs; err: failed runs, "
          "non-2xx answers and socket errors)")
    if a.tsv:
        new = not os.path.exists(a.tsv)
        with open(a.tsv, "a") as f:
            if new:
                f.write("run\tlabel\turl\ttest\tunit\tn\tmedian\tmin\tmax\tp50_ms\tp99_ms\terrors\n")
            f.writelines("\t".join(row) + "\n" for row in tsv)


if __name__ == "__main__":
    main()
