#!/usr/bin/env bash
# Builds the Linux installer of CAS Wallet with jpackage (JDK >= 21): an app image and a .deb
# into installers/target/. Uses the trimmed runtime from jlink/build-runtime.sh.
# The .deb declares the CJK font (and, with the desktop UI, GTK) so Chinese renders.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/find-jdk.sh
mvn -B -q -ntp install -DskipTests
jlink/build-runtime.sh
out=installers/target
rm -rf "$out" && mkdir -p "$out/input"
cp app/target/cas-wallet.jar "$out/input/"
cp -r app/target/lib "$out/input/lib"
version=$(mvn -q -N help:evaluate -Dexpression=project.version -DforceStdout | sed 's/-SNAPSHOT//')
"$JAVA_HOME/bin/jpackage" --type "${1:-deb}" --name CAS-Wallet --app-version "$version" \
  --vendor "CAS" --description "Desktop full node and wallet for the CAS chain" \
  --input "$out/input" --main-jar cas-wallet.jar --main-class global.cas.app.Main \
  --runtime-image jlink/target/runtime --dest "$out" \
  --linux-package-name cas-wallet --linux-shortcut --linux-menu-group Office \
  --icon installers/linux/cas-wallet.png \
  --linux-package-deps "libgtk-3-0, fonts-noto-cjk"
ls -la "$out"
