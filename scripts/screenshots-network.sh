#!/usr/bin/env bash
# Writes the network screenshots into docs/screenshots: the desktop following a real localnet of
# three validator processes (node-peers-*.png: peers, roles, heights, pings; settings-peers-*.png:
# a kept peer), and, with SYNC_BLOCKS=N, a desktop syncing N blocks from a devnet node that made
# them first (node-sync-*.png, overview-sync-*.png; at 10 ms blocks the devnet makes about 45 a
# second here, so 80,000 take about half an hour). Needs what scripts/screenshots.sh needs.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/find-jdk.sh
command -v xvfb-run >/dev/null || { echo "Install xvfb first (apt-get install -y xvfb)." >&2; exit 2; }
mvn -B -q -ntp package -DskipTests
out="$PWD/docs/screenshots"
work=$(mktemp -d)
cas() { "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar app/target/cas-wallet.jar "$@"; }
desktop() { xvfb-run -a -s '-screen 0 1280x800x24' "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -jar app/target/cas-wallet.jar "$@"; }
cleanup() { cas localnet stop --dir "$work/ln" >/dev/null 2>&1 || true; [ -n "${source_pid:-}" ] && kill "$source_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
printf 'devnet-screens\n' > "$work/pw"
mnemonic="abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art"

# 1. a localnet of three validators and the desktop following it, one of them kept in Settings
cas localnet start --dir "$work/ln" --validators 3 > "$work/ln.txt"
sleep 8
port=$(grep -o 'p2p 127.0.0.1:[0-9]*' "$work/ln.txt" | head -1 | cut -d: -f2 || true)
mkdir -p "$work/ln/desktop"
if [ -n "$port" ]; then
  printf '{\n  "format" : 1,\n  "peers" : [ "127.0.0.1:%s" ]\n}\n' "$port" > "$work/ln/desktop/persistent-peers.json"
fi
cas wallet restore --datadir "$work/ln/desktop" --words "$mnemonic" --password-file "$work/pw" > /dev/null
desktop --localnet "$work/ln" --rpc-port 0 --password-file "$work/pw" --screenshots "$work/ln-shots"
for f in "$work"/ln-shots/node-*.png; do cp "$f" "$out/node-peers-${f##*/node-}"; done
for f in "$work"/ln-shots/settings-*.png; do cp "$f" "$out/settings-peers-${f##*/settings-}"; done
cas localnet stop --dir "$work/ln" > /dev/null

# 2. with SYNC_BLOCKS: a devnet node makes that many blocks, then a new desktop syncs them
if [ -n "${SYNC_BLOCKS:-}" ]; then
  cas node --datadir "$work/source" --block-interval-ms 10 --p2p-port 28700 --rpc-port 0 > "$work/source.log" 2>&1 &
  source_pid=$!
  until [ "$(cas status --datadir "$work/source" 2>/dev/null | awk '/^height/ {print $2}')" -ge "$SYNC_BLOCKS" ] 2>/dev/null; do sleep 10; done
  mkdir -p "$work/sync"
  cp "$work/source/devnet-instance" "$work/sync/"
  printf '{\n  "format" : 1,\n  "peers" : [ "127.0.0.1:28700" ]\n}\n' > "$work/sync/persistent-peers.json"
  cas wallet restore --datadir "$work/sync" --words "$mnemonic" --password-file "$work/pw" > /dev/null
  desktop --datadir "$work/sync" --rpc-port 0 --password-file "$work/pw" --screenshots "$work/sync-shots"
  for l in en zh; do
    cp "$work/sync-shots/node-$l.png" "$out/node-sync-$l.png"
    cp "$work/sync-shots/overview-$l.png" "$out/overview-sync-$l.png"
  done
fi
ls "$out"
