# Sourced by ./reelwright and ./run-tests: finds a JDK >= 21 without anything exported by hand.
# Order: JAVA_HOME if it is one, then `java` on the PATH, then the usual install folders.

reelwright_java_major() { # $1 = a JDK home; prints its feature version, or nothing
  local release="$1/release" version=""
  if [ -f "$release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  elif [ -x "$1/bin/java" ]; then
    version=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  fi
  echo "$version"
}

reelwright_find_jdk() { # prints a JDK home of version >= 21 or fails with a message
  local candidates=() home major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$home" ] && candidates+=("$home")
  done
  # Prefer the newest JDK found, so a machine with 17 and 25 uses 25.
  local best="" best_major=0
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/javac" ] || continue
    major=$(reelwright_java_major "$home")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$home"; best_major="$major"; fi
    # JAVA_HOME, when it is a suitable JDK, wins outright.
    if [ "$home" = "${JAVA_HOME:-}" ] && [ "$major" -ge 21 ]; then best="$home"; break; fi
  done
  if [ -z "$best" ]; then
    echo "reelwright: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm). Install one, e.g. 'apt-get install openjdk-21-jdk', or set JAVA_HOME." >&2
    return 1
  fi
  echo "$best"
}

reelwright_jvm_flags() { # $1 = a JDK home; prints the JVM options that JDK needs for the bytedeco natives
  local major
  major=$(reelwright_java_major "$1")
  # JavaCPP's indexers read native memory through sun.misc.Unsafe. JDK 23 added this switch (JEP 471) and JDK 24
  # started warning on every run without it (JEP 498), with denial by default planned for a later release.
  if [ -n "$major" ] && [ "$major" -ge 23 ]; then echo "--sun-misc-unsafe-memory-access=allow"; fi
}

# The bytedeco natives for this platform only; the full set is gigabytes.
REELWRIGHT_MAVEN_FLAGS=(-B -Djavacpp.platform=linux-x86_64)
