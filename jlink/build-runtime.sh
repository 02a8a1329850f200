#!/usr/bin/env bash
# Builds the trimmed Java runtime that the installers ship (jlink/target/runtime).
# The module list is what the node engine and the program use (checked with jdeps on the
# program's jars). JavaFX is not linked in: its jars (with their Linux natives) travel on the
# program's class path, and JavaFX 26 needs this runtime to be Java 24+.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/find-jdk.sh
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.scripting,java.sql,java.xml,jdk.crypto.ec,jdk.httpserver,jdk.jfr,jdk.net,jdk.unsupported,jdk.unsupported.desktop
rm -rf jlink/target/runtime
mkdir -p jlink/target
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --output jlink/target/runtime
du -sh jlink/target/runtime
