#!/usr/bin/env bash
# Builds the demo image from the Dockerfile where no image registry can be reached: its two base images are made
# from this machine's JDK and Debian's static busybox, imported with `docker import`, then the Dockerfile is built
# with them (Maven in the build stage reaches Maven Central over the host's network).
#
#   docker/local-images.sh            # horde-local/jre:17, horde-local/maven:17, horde/demo:latest
#
# Base images already there are kept (FORCE=1 makes them again); the demo's image is built each time, from Docker's
# cache where nothing changed. Needs a running Docker engine (DOCKER_HOST is honoured).
set -euo pipefail
cd "$(dirname "$0")/.."

JDK=${JDK:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
MAVEN_VERSION=3.9.16
JRE_IMAGE=horde-local/jre:17
BUILD_IMAGE=horde-local/maven:17
DEMO_IMAGE=horde/demo:latest
export DOCKER_BUILDKIT=0   # the classic builder: no BuildKit front end to pull

have() { [ "${FORCE:-0}" != 1 ] && docker image inspect "$1" >/dev/null 2>&1; }

if ! [ -x /bin/busybox ] || ! /bin/busybox --list >/dev/null 2>&1 || ldd /bin/busybox >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq busybox-static >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# a root file system: busybox's shell and tools, the shared libraries the Java files under $1/opt/java link, a root user
rootfs() {
  local root=$1
  mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/root"
  chmod 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
  done
  echo 'root:x:0:0:root:/root:/bin/sh' > "$root/etc/passwd"
  echo 'root:x:0:' > "$root/etc/group"
  find "$root/opt/java" -type f \( -name '*.so' -o -perm -u+x \) -print0 \
    | xargs -0 ldd 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 }' | sort -u | while read -r lib; do
      mkdir -p "$root$(dirname "$lib")"
      cp -L "$lib" "$root$lib"
    done
  # the dynamic loader, where every binary looks for it
  mkdir -p "$root/lib64"
  cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/"
}

import() {
  local root=$1 image=$2
  tar -C "$root" -c . | docker import -c 'ENV PATH=/opt/java/bin:/opt/maven/bin:/bin' -c 'ENV JAVA_HOME=/opt/java' \
    -c 'ENV HOME=/root' - "$image" >/dev/null
  echo "imported $image ($(du -sh "$root" | cut -f1))"
}

if ! have "$JRE_IMAGE"; then
  root=$work/jre
  mkdir -p "$root/opt"
  "$JDK/bin/jlink" --add-modules java.base,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,jdk.httpserver,jdk.management,jdk.unsupported,jdk.crypto.ec \
    --strip-debug --no-header-files --no-man-pages --output "$root/opt/java"
  rootfs "$root"
  import "$root" "$JRE_IMAGE"
fi

if ! have "$BUILD_IMAGE"; then
  root=$work/maven
  mkdir -p "$root/opt/java"
  # the whole JDK, links followed (Debian's point into /etc and /usr/share), without sources or dangling links
  (cd "$JDK" && find -L . -type l -printf '%p\n' > "$work/dangling"; tar -ch --exclude-from="$work/dangling" \
    --exclude=./lib/src.zip .) | tar -x -C "$root/opt/java"
  mvn -B -ntp -q dependency:copy -Dartifact="org.apache.maven:apache-maven:$MAVEN_VERSION:tar.gz:bin" \
    -DoutputDirectory="$work" -Dmdep.stripVersion=false
  tar -C "$root/opt" -xzf "$work/apache-maven-$MAVEN_VERSION-bin.tar.gz"
  mv "$root/opt/apache-maven-$MAVEN_VERSION" "$root/opt/maven"
  rootfs "$root"
  import "$root" "$BUILD_IMAGE"
fi

docker build -q --network host --build-arg BUILD_IMAGE="$BUILD_IMAGE" --build-arg BASE_IMAGE="$JRE_IMAGE" \
  -t "$DEMO_IMAGE" . >/dev/null 2>"$work/build.log" || { cat "$work/build.log" >&2; exit 1; }
echo "built $DEMO_IMAGE from the Dockerfile on $JRE_IMAGE"
