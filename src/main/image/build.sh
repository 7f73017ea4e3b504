#!/usr/bin/env bash
# build.sh [--base REF|debian] [--no-aot] [--push REF [--creds USER:PASS] [--tls-verify=false]] — the image of
# target/portus.jar, built with buildah (no Docker daemon), written as an OCI archive to target/portus-image.tar
# (image name localhost/portus-jvm:<version>; `podman load`, `skopeo copy oci-archive:…`), optionally pushed.
# Run by `./portus image` (which builds the jar first) and by ImageIT. See docs/image.md.
#
#   --base REF   the image to build on: a registry reference (docker.io/library/eclipse-temurin:25-jre, the
#                default), oci-archive:PATH, oci:DIR, docker-archive:PATH, or `debian`: a minimal Debian and a
#                jlinked runtime made here with mmdebstrap (base.sh), cached in target/image/base.tar
#   --no-aot     without the class-data cache of a training run (aot.sh): 29 MiB less compressed, 112 MiB less
#                unpacked, 1.5× the start-up time, and byte-for-byte reproducible
#   --push REF   then copy the image to docker://REF with skopeo (--creds USER:PASS or PORTUS_IMAGE_PUSH_CREDS,
#                --tls-verify=false for a plain-HTTP or self-signed registry)
#
# Environment: JAVA_HOME (jlink and jar extraction), SOURCE_DATE_EPOCH (default: the commit's time; file times
# and the creation time: the same jar and base give the same layers but the AOT cache), PORTUS_IMAGE_SOURCE and
# PORTUS_IMAGE_LICENSES (labels), PORTUS_IMAGE_STORAGE (buildah's storage; default target/image/storage).
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
here=$root/src/main/image
cd "$root"

base=docker.io/library/eclipse-temurin:25-jre aot=true push="" creds=${PORTUS_IMAGE_PUSH_CREDS:-} tls=true
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base=${2:?--base needs a value}; shift 2 ;;
    --no-aot) aot=false; shift ;;
    --push) push=${2:?--push needs a reference}; shift 2 ;;
    --creds) creds=${2:?--creds needs USER:PASS}; shift 2 ;;
    --tls-verify=*) tls=${1#*=}; shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "portus image: unknown option '$1' (see ./portus image --help)" >&2; exit 2 ;;
  esac
done
for tool in buildah skopeo; do
  command -v $tool >/dev/null || { echo "portus image: $tool is missing (apt-get install $tool)" >&2; exit 1; }
done
jar=target/portus.jar
[ -f "$jar" ] || { echo "portus image: $jar does not exist (./portus build)" >&2; exit 1; }
: "${JAVA_HOME:?JAVA_HOME must name a JDK 21+}"

storage=${PORTUS_IMAGE_STORAGE:-$root/target/image/storage}
export BUILDAH="buildah --root $storage/root --runroot $storage/run --storage-driver vfs"
version=$(unzip -p "$jar" META-INF/maven/io.portus/portus/pom.properties | sed -n 's/^version=//p' | tr -d '\r')
revision=$(git rev-parse HEAD 2>/dev/null || echo unknown)
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
created=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
source_url=${PORTUS_IMAGE_SOURCE:-$(git remote get-url origin 2>/dev/null || echo unknown)}
name=localhost/portus-jvm

if [ "$base" = debian ]; then
  base_archive=$root/target/image/base.tar
  mkdir -p "$(dirname "$base_archive")"
  "$here/base.sh" "$base_archive"
  base=oci-archive:$base_archive
fi
case "$base" in
  oci-archive:*|oci:*|docker-archive:*|docker://*) from=$base ;;
  *) from=docker://$base ;;
esac

context=target/image/context
rm -rf "$context"
"$JAVA_HOME/bin/java" -Djarmode=tools -jar "$jar" extract --layers --destination "$context" >/dev/null
mkdir -p "$context/data"

echo "image: building $name:$version on $base" >&2
$BUILDAH build --quiet --layers --timestamp "$SOURCE_DATE_EPOCH" -f "$here/Containerfile" \
  --build-arg BASE="$from" --build-arg VERSION="$version" --build-arg REVISION="$revision" \
  --build-arg CREATED="$created" --build-arg SOURCE="$source_url" \
  --build-arg LICENSES="${PORTUS_IMAGE_LICENSES:-Apache-2.0}" \
  -t "$name:$version" "$context" >/dev/null
[ "$aot" = false ] || "$here/aot.sh" "$name:$version"
layout=target/image/layout
rm -rf "$layout" target/portus-image.tar
$BUILDAH push --quiet "$name:$version" "oci:$layout:$name:$version"
rm -rf "$context"
$BUILDAH rmi --all --force >/dev/null   # the archive is the product; vfs storage holds a full copy per layer
# docker load reads manifest.json (as in the archives `docker save` writes since Docker 25): the same blobs,
# tagged portus-jvm:<version> and :latest. The archive itself is reproducible too: sorted, fixed times and owners.
manifest=$(cat "$layout/blobs/sha256/$(jq -r '.manifests[0].digest | sub("sha256:"; "")' "$layout/index.json")")
jq -n --argjson m "$manifest" --arg v "$version" '[{Config: ("blobs/sha256/" + ($m.config.digest | sub("sha256:"; ""))),
  RepoTags: ["portus-jvm:" + $v, "portus-jvm:latest"],
  Layers: [$m.layers[].digest | "blobs/sha256/" + sub("sha256:"; "")]}]' > "$layout/manifest.json"
tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner -C "$layout" \
  -cf target/portus-image.tar oci-layout index.json manifest.json blobs
rm -rf "$layout"
size=$(stat -c %s target/portus-image.tar)
echo "image: target/portus-image.tar ($name:$version, layers $((size / 1048576)) MiB compressed)" >&2

if [ -n "$push" ]; then
  echo "image: pushing to docker://$push" >&2
  skopeo copy --quiet --dest-tls-verify="$tls" ${creds:+--dest-creds "$creds"} \
    oci-archive:target/portus-image.tar "docker://$push"
fi
