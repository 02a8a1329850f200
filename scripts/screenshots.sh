#!/usr/bin/env bash
# Writes docs/screenshots/*.png: every screen of the real program, in English and Chinese, over a
# real devnet with real blocks and transactions (nothing mocked). Needs Xvfb (installed with apt
# when missing and run as root), GTK 3 and a CJK font.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/find-jdk.sh
for pkg in xvfb:xvfb-run libgtk-3-0:/usr/lib/x86_64-linux-gnu/libgtk-3.so.0 fonts-noto-cjk:/usr/share/fonts/opentype/noto; do
  name=${pkg%%:*}; probe=${pkg#*:}
  if ! command -v "$probe" >/dev/null 2>&1 && [ ! -e "$probe" ]; then
    if [ "$(id -u)" = 0 ]; then apt-get install -y -q "$name" >/dev/null; else echo "Install $name first (apt-get install -y $name)." >&2; exit 2; fi
  fi
done
mvn -B -q -ntp package -DskipTests
out="$PWD/docs/screenshots"
mkdir -p "$out"
work=$(mktemp -d)
trap 'kill $node 2>/dev/null || true; rm -rf "$work"' EXIT
cas() { "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar app/target/cas-wallet.jar "$@"; }
printf 'devnet-screens\n' > "$work/pw"
data="$work/data"

# 1. the first run, on an empty data folder
xvfb-run -a -s '-screen 0 1280x800x24' "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -jar app/target/cas-wallet.jar --datadir "$work/empty" --rpc-port 0 --screenshots "$out"

# 2. a devnet with history: the faucet wallet sends, receives and mines
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar app/target/cas-wallet.jar --headless --datadir "$data" --rpc-port 0 > "$work/node.log" 2>&1 &
node=$!
for _ in $(seq 100); do [ -f "$data/rpc.port" ] && break; sleep 0.2; done
mnemonic="abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art"
cas wallet restore --datadir "$data" --words "$mnemonic" --password-file "$work/pw" > /dev/null
cas wallet create --datadir "$data" --wallet friend.wallet --password-file "$work/pw" > "$work/friend.txt"
friend=$(cas wallet addresses --datadir "$data" --wallet friend.wallet | grep -o 'dcas1[0-9a-z]*' | head -1)
mine=$(cas wallet addresses --datadir "$data" | grep -o 'dcas1[0-9a-z]*' | head -1)
cas send --datadir "$data" --password-file "$work/pw" --to "$friend" --amount 1000.5 --wait > /dev/null
cas send --datadir "$data" --password-file "$work/pw" --to "$friend" --amount 42 --wait > /dev/null
cas send --datadir "$data" --wallet friend.wallet --password-file "$work/pw" --to "$mine" --amount 250 --wait > /dev/null
cas mine --datadir "$data" --threads 1 --count 2 > /dev/null
kill -TERM $node; wait $node || true
while [ -f "$data/rpc.port" ]; do sleep 0.2; done

# 3. every screen with that wallet open (it opens with its password: the wallet data is encrypted)
xvfb-run -a -s '-screen 0 1280x800x24' "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -jar app/target/cas-wallet.jar --datadir "$data" --rpc-port 0 --password-file "$work/pw" --screenshots "$out"
# 4. the governance screens over a devnet where an election and referendums really ran
scripts/governance-screenshots.sh > /dev/null
ls "$out"
