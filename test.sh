#!/usr/bin/env bash
# Runs every test of CAS Wallet (all modules), with a JDK >= 24 found by scripts/find-jdk.sh.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/find-jdk.sh
exec mvn -B -ntp verify "$@"
