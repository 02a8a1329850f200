#!/usr/bin/env bash
# Builds the Linux app image and .deb on this clone and checks them as a person would get them:
# the packaged program restores the devnet wallet with its own command line, then opens its real
# window under Xvfb and runs its screenshot tour over a devnet it starts itself; every screen must
# be written in both languages (and the large-text ones), the program must exit 0 within a bounded
# time and its log must hold no exception. The .deb must declare GTK and the CJK font and carry
# the launcher. Run by .ci/run after ./test.sh. Needs root for apt-get when a tool is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
need() { # <package> <probe: command or path>
  if ! command -v "$2" >/dev/null 2>&1 && [ ! -e "$2" ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "Installing $1 (apt-get install -y $1)..." >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >/dev/null
    else
      echo "The packaging test needs $1: apt-get install -y $1" >&2; exit 2
    fi
  fi
}
need xvfb xvfb-run
need fakeroot fakeroot
need libgtk-3-0 /usr/lib/x86_64-linux-gnu/libgtk-3.so.0
need fonts-noto-cjk /usr/share/fonts/opentype/noto
started=$SECONDS
# the README's first command as a new user meets it: it builds (the jar is made older than the
# sources), says so without terminal escape codes, and loads JavaFX as named modules
touch -d '2000-01-01' app/target/cas-wallet.jar 2>/dev/null || true
if ! timeout 300 xvfb-run -a -s '-screen 0 1280x800x24' ./cas-wallet --datadir "$(mktemp -d)" --rpc-port 0 \
    --screenshots "$(mktemp -d)" > /tmp/cas-first-start.log 2>&1; then
  echo "FAIL: ./cas-wallet did not build and open its first-run window" >&2; tail -30 /tmp/cas-first-start.log >&2; exit 1
fi
if grep -q $'\e' /tmp/cas-first-start.log; then echo "FAIL: ./cas-wallet printed terminal escape codes" >&2; exit 1; fi
if grep -q 'Unsupported JavaFX configuration' /tmp/cas-first-start.log; then
  echo "FAIL: ./cas-wallet loads JavaFX from the class path" >&2; exit 1
fi
grep -q '^built in [0-9]* s$' /tmp/cas-first-start.log || { echo "FAIL: the first start did not say what it built" >&2; exit 1; }
echo "first start: $(grep '^built in' /tmp/cas-first-start.log), no escape codes, JavaFX as named modules"
installers/build-linux.sh app-image > /tmp/cas-app-image.log 2>&1 || { cat /tmp/cas-app-image.log >&2; exit 1; }
app=installers/target/CAS-Wallet/bin/CAS-Wallet
[ -x "$app" ] || { echo "FAIL: the app image has no launcher at $app" >&2; exit 1; }
echo "app image built in $((SECONDS - started)) s ($(du -sh installers/target/CAS-Wallet | cut -f1))"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'packaged tour test\n' > "$work/pw"
data="$work/data"
words="abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art"
"$app" wallet restore --datadir "$data" --words "$words" --password-file "$work/pw" > "$work/restore.txt"
tour=$SECONDS
if ! timeout 300 xvfb-run -a -s '-screen 0 1280x800x24' "$app" --datadir "$data" --rpc-port 0 \
    --password-file "$work/pw" --screenshots "$work/shots" > "$work/run.log" 2>&1; then
  echo "FAIL: the packaged program did not finish its tour with exit 0 within 300 s" >&2
  tail -40 "$work/run.log" >&2; exit 1
fi
missing=0
for screen in overview send receive transactions addressBook security node settings; do
  for lang in en zh; do
    for suffix in "" $(case $screen in overview|send|receive|transactions|node) echo "-200";; esac); do
      f="$work/shots/$screen-$lang$suffix.png"
      if [ ! -s "$f" ] || [ "$(stat -c %s "$f")" -lt 10000 ]; then echo "FAIL: missing or empty $f" >&2; missing=1; fi
    done
  done
done
[ "$missing" = 0 ] || exit 1
logs=("$work/run.log" $(find "$data" -name '*.log'))
if grep -E 'Exception|ERROR' "${logs[@]}" >/dev/null; then
  echo "FAIL: the packaged program logged errors:" >&2
  grep -E -B2 -A8 'Exception|ERROR' "${logs[@]}" | head -60 >&2; exit 1
fi
echo "packaged tour: $(ls "$work/shots" | wc -l) screenshots in $((SECONDS - tour)) s, no errors logged"

deb=$SECONDS
installers/build-linux.sh deb > /tmp/cas-deb.log 2>&1 || { cat /tmp/cas-deb.log >&2; exit 1; }
pkg=$(ls installers/target/*.deb | head -1)
depends=$(dpkg-deb -f "$pkg" Depends)
for d in libgtk-3-0 fonts-noto-cjk; do
  case "$depends" in *"$d"*) ;; *) echo "FAIL: $pkg does not depend on $d (Depends: $depends)" >&2; exit 1 ;; esac
done
contents=$(dpkg-deb -c "$pkg")
grep -q '/bin/CAS-Wallet$' <<< "$contents" || { echo "FAIL: $pkg carries no launcher" >&2; exit 1; }
echo "deb: $(basename "$pkg"), $(du -h "$pkg" | cut -f1), built in $((SECONDS - deb)) s; Depends: $depends"
echo "packaging test passed in $((SECONDS - started)) s"
