#!/usr/bin/env bash
# aot.sh IMAGE — gives IMAGE (in $BUILDAH's storage) a class-data cache of the application, made by a training
# run inside the image, and an entrypoint that uses it: the start-up to the first /v2/ answer drops from 13-14 s
# to 8-11 s on 2 cores (README "Container image"). Run by build.sh unless --no-aot.
#
# A Java 25+ runtime gets an AOT cache (JEP 483/514/515: classes loaded and linked, method profiles), /app/portus.aot;
# an older one a dynamic CDS archive, /app/portus.jsa. The training run starts the application on an empty
# embedded database and stops once the Spring context is refreshed (spring.context.exit=onRefresh): no port is
# opened and nothing of it stays in the image but the cache. The cache is the one layer of the image that is not
# byte-for-byte reproducible (the JVM writes addresses and hashes of the run).
#
# Environment: BUILDAH (buildah with its storage options), SOURCE_DATE_EPOCH (the committed image's times).
set -euo pipefail
image=${1:?usage: aot.sh IMAGE}
: "${BUILDAH:?}" "${SOURCE_DATE_EPOCH:?}"

ctr=$($BUILDAH from --quiet --pull-never "$image")
scratch=$(mktemp -d)
trap '$BUILDAH rm "$ctr" >/dev/null 2>&1 || true; rm -rf "$scratch"' EXIT
rootfs=$($BUILDAH mount "$ctr")
had_hosts=$([ -e "$rootfs/etc/hosts" ] && echo yes || echo no)

feature=$($BUILDAH run --isolation chroot "$ctr" -- java -XX:-UsePerfData -XshowSettings:properties -version 2>&1 |
  sed -n 's/^ *java.specification.version = //p')
if [ "${feature:-0}" -ge 25 ]; then
  train=-XX:AOTCacheOutput=/app/portus.aot use=-XX:AOTCache=/app/portus.aot
else
  train=-XX:ArchiveClassesAtExit=/app/portus.jsa use=-XX:SharedArchiveFile=/app/portus.jsa
fi

# The entrypoint is "java <options> -jar /app/portus.jar": the training run uses the same options, so the cache
# matches what the container will run.
entrypoint=$($BUILDAH inspect "$ctr" | jq -c '.OCIv1.config.Entrypoint')
mapfile -t options < <(jq -r '.[1:-2][]' <<<"$entrypoint")
echo "image: training run for the class-data cache (Java $feature, $use)" >&2
mkdir -p "$scratch/tmp"
$BUILDAH run --isolation chroot --network host --user 0:0 -v "$scratch:/training" \
  --env PORTUS_DATA_DIR=/training/data "$ctr" -- \
  java "$train" -XX:-UsePerfData -Djava.io.tmpdir=/training/tmp "${options[@]}" \
  -Dspring.context.exit=onRefresh -jar /app/portus.jar >"$scratch/training.log" 2>&1 ||
  { cat "$scratch/training.log" >&2; echo "image: the training run failed" >&2; exit 1; }
# -XX:AOTMode=on makes a JVM that cannot map the cache (another class path, another JVM) fail instead of going on
if [ "$feature" -ge 25 ]; then
  $BUILDAH run --isolation chroot --network host "$ctr" -- java "$use" -XX:AOTMode=on -XX:-UsePerfData "${options[@]}" \
    -jar /app/portus.jar --version >"$scratch/check.log" 2>&1 ||
    { cat "$scratch/check.log" >&2; echo "image: the JVM refuses the AOT cache it made" >&2; exit 1; }
fi

# buildah run leaves its mount points behind (the volume, /etc/hosts): the layer holds the cache alone
rm -rf "$rootfs/training"
[ "$had_hosts" = yes ] || rm -f "$rootfs/etc/hosts"
$BUILDAH umount "$ctr" >/dev/null
$BUILDAH config --entrypoint "$(jq -c --arg use "$use" '[.[0], $use] + .[1:]' <<<"$entrypoint")" "$ctr"
$BUILDAH commit --quiet --timestamp "$SOURCE_DATE_EPOCH" "$ctr" "$image" >/dev/null
