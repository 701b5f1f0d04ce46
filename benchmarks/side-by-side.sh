#!/usr/bin/env bash
# Side by side: the same N calls of GET /v2/self (API token) with @clevercloud/client on Node and with this client's
# facade on the JVM, against one local server (BenchServer, loopback), and their ratio.
#
#   benchmarks/side-by-side.sh                 # 20,000 calls, 8 in flight, 5,000 warm-up calls, 3 rounds each
#   CALLS=50000 CONCURRENCY=32 ROUNDS=5 benchmarks/side-by-side.sh
#
# Builds benchmarks/target/benchmarks.jar and installs the pinned npm package (npm ci) when they are missing.
# Rounds alternate (JS, Java, JS, Java, …) so that both sides see the same machine; the median round is compared.
set -euo pipefail
cd "$(dirname "$0")/.."

CALLS=${CALLS:-20000}
CONCURRENCY=${CONCURRENCY:-8}
WARMUP=${WARMUP:-5000}
ROUNDS=${ROUNDS:-3}
JAR=benchmarks/target/benchmarks.jar

if [[ ! -f $JAR ]]; then
  echo "== building $JAR" >&2
  ./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests >&2
fi
if [[ ! -f benchmarks/js/node_modules/@clevercloud/client/package.json ]]; then
  echo "== npm ci (benchmarks/js, @clevercloud/client pinned in package-lock.json)" >&2
  (cd benchmarks/js && npm ci --no-audit --no-fund >&2)
fi

work=$(mktemp -d)
server_pid=
cleanup() {
  exec 3>&- 2>/dev/null || true        # EOF on the server's stdin: it exits by itself
  [[ -n $server_pid ]] && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The server reads its stdin from a pipe this script holds open: if the script dies, so does the server.
mkfifo "$work/server.in"
java -Xms512m -Xmx512m -cp "$JAR" com.clevercloud.client.benchmarks.BenchServer <"$work/server.in" >"$work/server.out" &
server_pid=$!
exec 3>"$work/server.in"
for _ in $(seq 1 100); do
  grep -q '^LISTENING ' "$work/server.out" 2>/dev/null && break
  sleep 0.1
done
base_url=$(sed -n 's/^LISTENING //p' "$work/server.out")
[[ -n $base_url ]] || { echo "the server did not start" >&2; exit 1; }

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), Node $(node --version); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server: $base_url (BenchServer, JDK HttpServer, separate JVM); $CALLS calls of GET /v2/self, $CONCURRENCY in flight, $WARMUP warm-up calls"
for round in $(seq 1 "$ROUNDS"); do
  node benchmarks/js/side-by-side.mjs --base-url "$base_url" --calls "$CALLS" --concurrency "$CONCURRENCY" \
    --warmup "$WARMUP" | tee -a "$work/js.jsonl"
  java -cp "$JAR" com.clevercloud.client.benchmarks.SideBySide --base-url "$base_url" --calls "$CALLS" \
    --concurrency "$CONCURRENCY" --warmup "$WARMUP" | tee -a "$work/java.jsonl"
done
echo
node benchmarks/js/compare.mjs "$work/js.jsonl" "$work/java.jsonl"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
