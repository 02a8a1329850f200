#!/usr/bin/env bash
# Finds a JDK >= 24 (JavaFX 26 needs Java 24+; the code itself is Java 21) and exports JAVA_HOME for the CAS Wallet scripts.
# Order: $JAVA_HOME, then the usual places (/usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks), newest first.
# Sourced by ./cas-wallet and ./test.sh; prints one clear line and exits when nothing fits.

cas_java_major() {
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  echo "${v%%.*}"
}

cas_find_jdk() {
  local min=24 candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(cas_java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge "$min" ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  for candidate in $(ls -d /usr/lib/jvm/*/ /opt/*jdk*/ /opt/java/*/ "$HOME"/.sdkman/candidates/java/*/ "$HOME"/.jdks/*/ 2>/dev/null | sort -rV); do
    candidate=${candidate%/}
    [ -x "$candidate/bin/javac" ] || continue
    major=$(cas_java_major "$candidate")
    if [ "${major:-0}" -ge "$min" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

if ! CAS_JDK=$(cas_find_jdk); then
  echo "CAS Wallet needs a JDK 24 or newer (its JavaFX 26 runs on Java 24+) and found none (looked at JAVA_HOME and /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks)." >&2
  echo "Install one, e.g. 'apt-get install -y temurin-25-jdk' or set JAVA_HOME to a JDK 24+." >&2
  exit 2
fi
export JAVA_HOME="$CAS_JDK"
if [ "$(cas_java_major "$JAVA_HOME")" -ge 24 ]; then
  # Maven's own Guava calls sun.misc.Unsafe; JDK 24+ warns about it on every build
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
# Maven 3.8's Jansi writes a colour reset (ESC[0m) even with -q -B when it is not on a terminal;
# that noise broke the version read by installers/build-linux.sh and littered ./cas-wallet's first start
export MAVEN_OPTS="${MAVEN_OPTS:-} -Djansi.noreset=true"
export PATH="$JAVA_HOME/bin:$PATH"
if ! command -v mvn >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Apache Maven (apt-get install -y maven)..." >&2
    apt-get install -y -q maven >/dev/null || { echo "Could not install Maven; install it with 'apt-get install -y maven'." >&2; exit 2; }
  else
    echo "CAS Wallet builds with Apache Maven 3.8 or newer and 'mvn' is not on the PATH: 'sudo apt-get install -y maven'." >&2
    exit 2
  fi
fi
