# Shared by the scripts here: builds what they run (the jar, the Maven plugin, the samples' class path), starts the
# demo service, stops it by PID. Sourced, not run.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VERSION=0.1.0-SNAPSHOT
CLI_JAR=$ROOT/cli/target/horde-cli-$VERSION.jar
RUNNER_DIR=$ROOT/target/runner     # the sample tests as a class path: classes/ and lib/*.jar
DEMO_PORT=${DEMO_PORT:-18080}
DEMO_PID=

# the runnable jar and the sample tests' class path, built once (REBUILD=1 builds them again)
build() {
  if [ "${REBUILD:-0}" = 1 ] || [ ! -f "$CLI_JAR" ] || [ ! -d "$RUNNER_DIR/classes" ]; then
    echo "== building the command line jar and the sample tests' class path"
    (cd "$ROOT" && mvn -B -ntp -q -pl cli,maven-plugin,sample-tests -am install -DskipTests \
      && mvn -B -ntp -q -pl sample-tests dependency:copy-dependencies -DincludeScope=test \
        -DexcludeArtifactIds=horde-harness -DoutputDirectory="$RUNNER_DIR/lib")
    rm -rf "$RUNNER_DIR/classes"
    mkdir -p "$RUNNER_DIR/classes"
    cp -r "$ROOT/sample-tests/target/classes/." "$ROOT/sample-tests/target/test-classes/." "$RUNNER_DIR/classes/"
    cp "$CLI_JAR" "$RUNNER_DIR/horde-cli.jar"
  fi
}

# the demo chat service on 127.0.0.1:$DEMO_PORT, stopped when the calling script exits
start_demo() {
  java -cp "$RUNNER_DIR/classes:$RUNNER_DIR/lib/*" dev.horde.demo.DemoServer "$DEMO_PORT" > "$RUNNER_DIR/demo.log" 2>&1 &
  DEMO_PID=$!
  trap stop_demo EXIT
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$DEMO_PORT/api/posts/1" >/dev/null 2>&1 && return 0
    kill -0 "$DEMO_PID" 2>/dev/null || break
    sleep 0.2
  done
  echo "the demo service did not start on port $DEMO_PORT; see $RUNNER_DIR/demo.log" >&2
  exit 2
}

stop_demo() {
  if [ -n "$DEMO_PID" ]; then
    kill "$DEMO_PID" 2>/dev/null || true
    wait "$DEMO_PID" 2>/dev/null || true
  fi
  DEMO_PID=
}

horde() {
  java -jar "$CLI_JAR" "$@"
}

tests_class_path() {
  echo "$RUNNER_DIR/classes:$RUNNER_DIR/lib/*"
}
