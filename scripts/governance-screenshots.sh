#!/usr/bin/env bash
# Writes docs/screenshots/governance-*.png over a real devnet where governance really ran (issue 9):
# three proposals (a parameter change and a resolution carried by the reserve's bloc, one whose
# committee response goes overdue), a committee statement, reserve spends (one paid on a majority,
# one pending), a gift above the reserve's cap, then an election: candidates declared in its
# nomination window (the campaign wizard shot then), ballots cast in its voting window (the rest
# shot then). Devnet days are 10 s, so this takes up to 10 minutes. Called by scripts/screenshots.sh;
# expects app/target/cas-wallet.jar built, Xvfb, GTK 3 and a CJK font (screenshots.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/find-jdk.sh
out="$PWD/docs/screenshots"
work=$(mktemp -d)
node=""
trap '[ -n "$node" ] && kill $node 2>/dev/null; rm -rf "$work"' EXIT
mods="--module-path $PWD/app/target/javafx-mods --add-modules javafx.controls,javafx.fxml,javafx.swing"
java=("$JAVA_HOME/bin/java" --enable-native-access=javafx.graphics,ALL-UNNAMED $mods -jar "$PWD/app/target/cas-wallet.jar")
data="$work/data"
pw="$work/pw"
printf 'devnet-screens\n' > "$pw"
cas() { "${java[@]}" "$@" --datadir "$data"; }
act() { cas "$@" --password-file "$pw" | grep -o '[0-9a-f]\{64\}' | head -1; }
now() { date +%s%3N; }
wait_until() { local t=$1; while [ "$(now)" -lt "$t" ]; do sleep 0.5; done; }
start() {
  "${java[@]}" --headless --datadir "$data" --rpc-port 0 >> "$work/node.log" 2>&1 &
  node=$!
  for _ in $(seq 200); do cas gov info > /dev/null 2>&1 && return 0; sleep 0.5; done
  echo "the devnet node did not start: see $work/node.log" >&2; exit 1
}
# waits (at most 30 s) until transaction $1 is in a block: a node stopped earlier drops its mempool
committed() { for _ in $(seq 60); do cas tx "$1" 2>/dev/null | grep -q "committed at height" && return 0; sleep 0.5; done
  echo "transaction $1 was not committed" >&2; exit 1; }
stop() { kill -TERM "$node"; wait "$node" || true; node=""; while [ -f "$data/rpc.port" ]; do sleep 0.2; done; }
field() { grep -o "\"$1\" : [0-9]*" | head -1 | grep -o '[0-9]*$'; }
tour() {
  xvfb-run -a -s '-screen 0 1280x900x24' "${java[@]}" --datadir "$data" --rpc-port 0 --password-file "$pw" \
    --screenshots "$1" --screenshot-screens governance > "$work/tour.log" 2>&1
}

mnemonic="abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art"
cas wallet restore --words "$mnemonic" --password-file "$pw" > /dev/null
mapfile -t A < <(cas wallet addresses | grep -o 'dcas1[0-9a-z]*' | head -10)
start

p1=$(act gov propose --title "Open a public faucet for newcomers" --days 7 --from "${A[5]}" \
  --text "The committee runs a faucet that gives each new address 10 CAS, paid from operating costs.")
p2=$(act gov propose --kind parameter --title "Raise the posting fee to 2 CAS" --text "Spam proposals cost too little." \
  --change proposalFee=200000000 --days 30 --from "${A[6]}")
p3=$(act gov propose --title "Publish the reserve accounts every month" --days 14 --from "${A[9]}" \
  --text "A monthly statement of every reserve spend, on chain.")
sleep 12 # support opens at the next 10-second epoch
act gov support --proposal "$p1" --from "${A[6]}" > /dev/null
act gov support --proposal "$p1" --from "${A[7]}" > /dev/null
act gov support --proposal "$p2" --from "${A[8]}" > /dev/null
act gov support --proposal "$p2" --from "${A[5]}" > /dev/null
act gov support --proposal "$p3" --from "${A[2]}" > /dev/null
sleep 12 # the referendums open
act gov referendum --proposal "$p1" --choice yes --from "${A[8]}" > /dev/null
act gov referendum --proposal "$p1" --choice no --from "${A[9]}" > /dev/null
for m in 0 1 2; do act gov committee-vote --proposal "$p1" --choice yes --from "${A[$m]}" > /dev/null; done
act gov referendum --proposal "$p2" --choice yes --from "${A[7]}" > /dev/null
st=$(act gov statement --kind support --proposal "$p1" --from "${A[0]}" \
  --text "The committee supports a faucet and will pay it from operating costs.")
act gov approve --statement "$st" --from "${A[1]}" > /dev/null
act gov approve --statement "$st" --from "${A[2]}" > /dev/null
s1=$(act gov reserve-spend --to "${A[9]}" --amount 25000 --memo "Seed node hosting, December" --from "${A[0]}")
act gov approve-spend --spend "$s1" --from "${A[1]}" > /dev/null
act gov approve-spend --spend "$s1" --from "${A[3]}" > /dev/null
act gov reserve-spend --to "${A[8]}" --amount 4000 --memo "Block explorer server, one year" --from "${A[1]}" > /dev/null
reserve=$(cas gov reserve --json | grep -o '"address" : "dcas1[0-9a-z]*"' | head -1 | grep -o 'dcas1[0-9a-z]*')
act send --to "$reserve" --amount 30000 > /dev/null # a gift: the reserve stands above its cap

# the next election whose nomination window is still wholly ahead
info=$(cas gov info --json)
number=$(echo "$info" | grep -o '"number" : [0-9]*' | head -1 | grep -o '[0-9]*$')
close=$(echo "$info" | field closesAt)
if [ "$(now)" -gt $((close - 215000)) ]; then number=$((number + 1)); close=$((close + 300000)); fi
nomination=$((close - 210000))
voting=$((close - 120000))
wait_until $((nomination + 1500))
act gov declare --election "$number" --name "Alice Chen" --career "Security auditor" \
  --platform "Audit every reserve spend." --from "${A[1]}" > /dev/null
act gov declare --election "$number" --name "Zhang Min" --career "Teacher" \
  --platform "Explain governance in plain words." --from "${A[3]}" > /dev/null
last=$(act gov declare --election "$number" --name "王芳" --personal "深圳" --career "开源社区组织者" \
  --platform "让每位持有者都能读懂每一笔储备金支出。" --from "${A[6]}")
committed "$last"
stop
tour "$work/nomination" # the wallet's first address is no candidate yet: the campaign wizard opens
start
wait_until $((voting + 1500))
act gov vote --election "$number" --share "${A[3]}=6000" --share "${A[1]}=4000" --from "${A[2]}" > /dev/null
act gov vote --election "$number" --share "${A[3]}=10000" --from "${A[5]}" > /dev/null
act gov vote --election "$number" --share "${A[6]}=7000" --share "${A[1]}=3000" --from "${A[9]}" > /dev/null
last=$(act gov vote --election "$number" --share "${A[6]}=5000" --share "${A[3]}=5000" --from "${A[0]}")
committed "$last"
stop
tour "$work/voting"
cp "$work"/nomination/governance-runButton-*.png "$work"/nomination/governance-requestSpend-*.png "$out"/
cp "$work"/voting/governance-*.png "$out"/
ls "$out"/governance-*.png
