# Sourced by ./stancewatch and .ci/run: sets JAVA_HOME to a JDK 21 or newer.
# Tries, in order: $JAVA_HOME, the JDKs under /usr/lib/jvm (newest first), java on the PATH.

java_feature_version() { # prints e.g. 25 for the java binary given
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

select_java_home() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV) \
                   "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    candidate=${candidate%/}
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    version=$(java_feature_version "$candidate/bin/java")
    if [ -n "$version" ] && [ "$version" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "stancewatch needs Java 21 or newer, and none was found (JAVA_HOME, /usr/lib/jvm, PATH)." >&2
  echo "Install one (e.g. apt-get install openjdk-21-jdk, or Temurin 21+) or set JAVA_HOME to it." >&2
  return 1
}
