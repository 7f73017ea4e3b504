#!/usr/bin/env bash
# base.sh OUTPUT.tar — a small, reproducible base image made here, without any registry: a minimal Debian root
# file system (mmdebstrap, only what a jlinked JVM loads: libc, libgcc, zlib; plus /etc/passwd with the user
# portus, uid 1000) and a Java runtime made by jlink from the JDK that builds the project, at /opt/java/openjdk
# (where the Temurin images keep theirs, so the application image works on either). Written as an OCI archive.
# Cached: rebuilt only when this script, the Containerfile, the JDK or the Debian suite change.
#
# Environment: JAVA_HOME (the JDK to jlink from), SOURCE_DATE_EPOCH (file times and the creation time, when the
# last commit of this script cannot be asked of git),
# PORTUS_IMAGE_DEBIAN_SUITE (default bookworm), PORTUS_IMAGE_DEBIAN_MIRROR (default http://deb.debian.org/debian),
# BUILDAH (the buildah command line, with its storage options).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# The base changes with its own files, not with every commit of the project: its time is theirs.
SOURCE_DATE_EPOCH=$(git -C "$here" log -1 --format=%ct -- base.sh base.Containerfile 2>/dev/null | grep . ||
                    echo "${SOURCE_DATE_EPOCH:?}")
export SOURCE_DATE_EPOCH
out=$1
suite=${PORTUS_IMAGE_DEBIAN_SUITE:-bookworm}
mirror=${PORTUS_IMAGE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
: "${JAVA_HOME:?JAVA_HOME must name the JDK to jlink from}" "${BUILDAH:?}"

# What the application needs (jdeps --print-module-deps over the jar and its libraries), plus service providers
# jdeps cannot see: DNS for LDAP SRV look-ups, every charset, elliptic curves (TLS, JWT ES keys), the jar file
# system, and JFR for diagnostics.
modules=java.base,java.compiler,java.desktop,java.instrument,java.net.http,java.prefs,java.scripting,\
java.security.jgss,java.security.sasl,java.sql.rowset,jdk.httpserver,jdk.jfr,jdk.management,jdk.net,\
jdk.unsupported,java.naming,jdk.naming.dns,jdk.charsets,jdk.crypto.ec,jdk.zipfs,java.xml.crypto
packages=base-files,libc6,libgcc-s1,zlib1g,netbase,tzdata

key=$( { cat "$0" "$here/base.Containerfile"; "$JAVA_HOME/bin/java" -version 2>&1; echo "$suite $mirror"; } |
      sha256sum | cut -c1-16)
if [ -f "$out" ] && [ "$(cat "$out.key" 2>/dev/null)" = "$key" ]; then
  echo "image: base $out is up to date" >&2
  exit 0
fi

work=$(dirname "$out")/base-work
rm -rf "$work" && mkdir -p "$work"
echo "image: Debian $suite root file system (mmdebstrap: $packages)" >&2
# The extract variant only unpacks (no maintainer scripts, no hooks): the users are files of our own.
mmdebstrap --quiet --mode=root --variant=extract --include="$packages" --format=tar \
  "$suite" "$work/rootfs.tar" "$mirror"
printf 'root:x:0:0:root:/root:/usr/sbin/nologin\nportus:x:1000:1000:Portus:/data:/usr/sbin/nologin\n' > "$work/passwd"
printf 'root:x:0:\nportus:x:1000:\n' > "$work/group"

echo "image: Java runtime (jlink from $JAVA_HOME)" >&2
# Compressed modules and the JDK's class-data archive for the usual (compressed oops, heap < 32 GB) case only:
# 80 MB instead of 155 MB; the archive gives back more start-up time than decompression takes.
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --output "$work/jre" --strip-debug --no-man-pages \
  --no-header-files --compress=zip-6 --generate-cds-archive >/dev/null
rm -f "$work/jre/lib/server/classes_nocoops.jsa"

$BUILDAH build --quiet --timestamp "$SOURCE_DATE_EPOCH" -f "$here/base.Containerfile" \
  -t localhost/portus-jvm-base:latest "$work" >/dev/null
rm -f "$out"
$BUILDAH push --quiet localhost/portus-jvm-base:latest "oci-archive:$out:localhost/portus-jvm-base:latest"
echo "$key" > "$out.key"
rm -rf "$work"
echo "image: base written to $out" >&2
