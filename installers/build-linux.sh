#!/usr/bin/env bash
# Builds the Linux installer of CAS Wallet with jpackage (JDK >= 24): an app image and a .deb
# into installers/target/ (argument: deb, the default, or app-image). Uses the trimmed runtime from jlink/build-runtime.sh.
# The .deb declares the CJK font (and, with the desktop UI, GTK) so Chinese renders.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/find-jdk.sh
mvn -B -q -ntp package -DskipTests
jlink/build-runtime.sh
out=installers/target
rm -rf "$out" && mkdir -p "$out/input"
cp app/target/cas-wallet.jar "$out/input/"
cp -r app/target/lib "$out/input/lib"
# the version from the built jar's manifest: Maven's own output carried colour codes that dpkg-deb refused
version=$(unzip -p app/target/cas-wallet.jar META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Implementation-Version: //p' | sed 's/-SNAPSHOT//')
case "$version" in
  [0-9]*.[0-9]*.[0-9]*) ;;
  *) echo "Cannot read the program's version from app/target/cas-wallet.jar (got '$version')." >&2; exit 2 ;;
esac
type=${1:-deb}
package=()
if [ "$type" != app-image ]; then
  # options of an installable package only: jpackage refuses them for a bare app image
  package=(--linux-package-name cas-wallet --linux-shortcut --linux-menu-group Office
    --linux-package-deps "libgtk-3-0, fonts-noto-cjk")
fi
"$JAVA_HOME/bin/jpackage" --type "$type" --name CAS-Wallet --app-version "$version" \
  --vendor "CAS" --description "Desktop full node and wallet for the CAS chain" \
  --input "$out/input" --main-jar cas-wallet.jar --main-class global.cas.app.Main \
  --runtime-image jlink/target/runtime --dest "$out" --java-options -XX:G1HeapRegionSize=32m \
  --icon installers/linux/cas-wallet.png "${package[@]}"
ls -la "$out"
