#!/usr/bin/env bash
# Builds the trimmed Java runtime that the installers ship (jlink/target/runtime).
# The modules are what jdeps finds in the program's jars (app/target: run 'mvn install' first),
# plus those reached only by reflection or service loading: a module missing here breaks the
# installed program at run time (FXML, for one, needs java.scripting). JavaFX is not linked in:
# its jars, with their Linux natives, travel on the program's class path, and JavaFX 26 needs
# this runtime to be Java 24+.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/find-jdk.sh
jars=(app/target/cas-wallet.jar app/target/lib/*.jar)
if [ ! -f "${jars[0]}" ]; then
  echo "app/target/cas-wallet.jar is missing: run 'mvn install -DskipTests' first." >&2
  exit 2
fi
found=$("$JAVA_HOME/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release "$(cas_java_major "$JAVA_HOME")" \
  --class-path "$(IFS=:; echo "${jars[*]}")" "${jars[@]}" 2>/dev/null | tail -1)
case "$found" in
  java.base*) ;;
  *) echo "jdeps did not list the program's modules (got: '$found')." >&2; exit 2 ;;
esac
# reflection and services: TLS/EC keys, Chinese locale data, AWT for the tray and Swing interop
extra=jdk.crypto.ec,jdk.localedata,java.desktop,jdk.unsupported.desktop,java.scripting,java.logging,java.xml
modules="$found,$extra"
echo "modules: $modules"
rm -rf jlink/target/runtime
mkdir -p jlink/target
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --include-locales=en,zh --strip-debug --no-header-files \
  --no-man-pages --compress=zip-6 --output jlink/target/runtime
du -sh jlink/target/runtime
