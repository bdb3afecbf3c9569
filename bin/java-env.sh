# Sourced by bin/run, bin/test and .ci/run: finds a Java 21+ and exports JAVA_HOME, or explains what is missing.
# Order: $JAVA_HOME, the java on PATH, then every JDK under /usr/lib/jvm and /opt (newest first).

onedoor_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

onedoor_find_java() {
  local candidate major
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(readlink -f "$(command -v java)")")
  for candidate in $(ls -d /usr/lib/jvm/*/bin/java /opt/*/bin/java /opt/java/*/bin/java 2>/dev/null | sort -rV); do
    candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate" ] || continue
    major=$(onedoor_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      JAVA_HOME=$(dirname "$(dirname "$candidate")")
      export JAVA_HOME
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "OneDoor needs a Java 21 or newer JDK, and none was found." >&2
  echo "Looked at \$JAVA_HOME, the java on PATH, /usr/lib/jvm/* and /opt/*." >&2
  echo "Install one (e.g. apt-get install openjdk-21-jdk, or Temurin 21/25) or set JAVA_HOME to it." >&2
  return 1
}

onedoor_find_java || exit 1
