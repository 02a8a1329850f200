#!/usr/bin/env bash
# Builds the trimmed Java runtime that the installers ship (jlink/target/runtime).
# The module list is what the node engine and the program use (checked with jdeps, see
# docs/packaging.md); the JavaFX modules join it when the desktop UI lands.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/find-jdk.sh
modules=java.base,java.sql,java.naming,java.management,java.logging,java.xml,jdk.httpserver,jdk.crypto.ec,jdk.unsupported,java.desktop
rm -rf jlink/target/runtime
mkdir -p jlink/target
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --output jlink/target/runtime
du -sh jlink/target/runtime
