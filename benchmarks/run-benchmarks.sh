#!/usr/bin/env bash
# Reproduces every figure of BENCHMARKS.md in one run and writes them to benchmarks/target/results/:
#   signing.json           OAuth1 signing and its breakdown (JMH, 1 thread, -prof gc)
#   paired-t{1,8,32}.json  facade/raw latency ratios, both sides interleaved (JMH, the targets' figures); the PDF is
#                          written to /dev/shm (memory) so that the disk does not swamp the client's own cost
#   paired-long.md         the 1-thread pairs for GET /v2/self and the PDF again, 5 + 20 iterations (the noisiest case)
#   paired-disk-t8.json    the PDF pair again at 8 threads, written to disk (benchmarks/target/downloads), and with a
#                          baseline that also writes a temporary file and renames it over the target
#   client-t{1,8,32}.json  facade and raw OkHttp + Gson each on its own (JMH avgt, -prof gc), 1, 8 and 32 threads
#   client-thrpt-t8.json   optional stage thrpt: JMH's throughput mode at 8 threads, a cross-check of the calls/s
#                          derived from the mean latencies (closed loop: calls/s = threads / mean latency)
#   heap.md                heap growth while streaming the 5 MiB PDF
#   files.md               the file-system share of the PDF download (in place vs the facade's temp file + rename)
#   async.md               40 concurrent getSelfAsync() calls vs 40 threads calling getSelf(), server delay 200 ms
#   side-by-side.md        @clevercloud/client on Node vs the facade
#   logs.md                log streams: events/s through client.logs(…) vs bare OkHttp on the same SSE body (5 runs,
#                          medians, ratio), and the heap over 1,000,000 events
#   report.md              the tables, made from the files above
#
#   benchmarks/run-benchmarks.sh                 # every stage but thrpt, ~25 minutes on 2 cores
#   benchmarks/run-benchmarks.sh signing paired  # some stages only: signing paired paired-long disk client thrpt heap
#                                                # files async side logs report
#
# JMH settings: 1 fork, 3 × 1 s warm-up, 5 × 1 s measurement (JMH_OPTS overrides them). Nothing else should run on
# the machine meanwhile: the load average is recorded before and after each stage.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=benchmarks/target/benchmarks.jar
OUT=benchmarks/target/results
JMH_OPTS=${JMH_OPTS:--f 1 -wi 3 -i 5 -w 1s -r 1s}
stages=("$@")
[[ ${#stages[@]} -gt 0 ]] || stages=(signing paired paired-long disk client heap files async side logs report)

if [[ ${SKIP_BUILD:-} != 1 ]]; then # the jar must hold the code being measured; SKIP_BUILD=1 reuses it
  ./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
fi
mkdir -p "$OUT/paired-long" # its own directory: the report stage reads $OUT/*.json, keyed by call and threads
exec > >(tee -a "$OUT/run.log") 2>&1 # the stage lines (load, steal) are kept with the results
load() { echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"; }
# CPU time taken by the hypervisor from this virtual machine (steal) during a stage: figures from a stage with much
# steal are slower in absolute terms; the facade/raw ratios, measured interleaved, suffer less.
cpu() { awk '/^cpu / {t = 0; for (i = 2; i <= NF; i++) t += $i; print t, $9}' /proc/stat; }
steal() { awk -v a="$1" -v b="$2" 'BEGIN {split(a, x, " "); split(b, y, " "); d = y[1] - x[1];
  printf "steal %.1f%% of CPU time", (d > 0 ? 100 * (y[2] - x[2]) / d : 0)}'; }
{
  echo "cores: $(nproc) ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs))"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "java: $(java -version 2>&1 | tr '\n' ' ')"
  echo "node: $(node --version)"
  echo "kernel: $(uname -sr)"
  echo "code: $(git rev-parse --short HEAD 2>/dev/null || echo '?'), facade sources $(find facade/src/main -type f | sort \
    | xargs cat | sha256sum | cut -c1-12)$(git diff --quiet HEAD -- facade 2>/dev/null || echo ' (uncommitted changes)')"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt"

for stage in "${stages[@]}"; do
  echo "== $stage ($(load))"
  before=$(cpu)
  case $stage in
    signing)
      java -jar "$JAR" 'Signing(Breakdown)?Benchmark' $JMH_OPTS -t 1 -prof gc -rf json -rff "$OUT/signing.json" ;;
    paired)
      for t in 1 8 32; do
        java -jar "$JAR" PairedBenchmark $JMH_OPTS -t "$t" -rf json -rff "$OUT/paired-t$t.json"
      done ;;
    paired-long)
      # 1 thread is where one pause of the machine weighs most: the small call and the PDF again, four times longer.
      java -jar "$JAR" PairedBenchmark -f 1 -wi 5 -i 20 -w 1s -r 1s -t 1 -p call=self,pdf \
        -rf json -rff "$OUT/paired-long/paired-long-t1.json"
      java -cp "$JAR" com.clevercloud.client.benchmarks.Report "$OUT/paired-long/paired-long-t1.json" \
        | tee "$OUT/paired-long.md" ;;
    disk)
      mkdir -p benchmarks/target/downloads
      java -jar "$JAR" PairedBenchmark $JMH_OPTS -t 8 -p call=pdf,pdfAtomicBaseline \
        -jvmArgsAppend "-Dbench.dir=$PWD/benchmarks/target/downloads" -rf json -rff "$OUT/paired-disk-t8.json" ;;
    client)
      for t in 1 8 32; do
        java -jar "$JAR" ClientBenchmark $JMH_OPTS -t "$t" -prof gc -rf json -rff "$OUT/client-t$t.json"
      done ;;
    thrpt)
      java -jar "$JAR" ClientBenchmark $JMH_OPTS -t 8 -bm thrpt -tu s -rf json -rff "$OUT/client-thrpt-t8.json" ;;
    heap)
      java -cp "$JAR" com.clevercloud.client.benchmarks.StreamingHeapProbe | tee "$OUT/heap.md" ;;
    files)
      mkdir -p benchmarks/target/downloads
      { java -cp "$JAR" com.clevercloud.client.benchmarks.FileReplaceProbe "$PWD/benchmarks/target/downloads" 8
        echo
        java -cp "$JAR" com.clevercloud.client.benchmarks.FileReplaceProbe /dev/shm/clevercloud-bench 8
        rmdir /dev/shm/clevercloud-bench 2>/dev/null || true; } | tee "$OUT/files.md" ;;
    async)
      java -cp "$JAR" com.clevercloud.client.benchmarks.AsyncConcurrencyBench | tee "$OUT/async.md" ;;
    side)
      benchmarks/side-by-side.sh | tee "$OUT/side-by-side.md" ;;
    logs)
      java -Xmx512m -cp "$JAR" com.clevercloud.client.benchmarks.LogStreamBench | tee "$OUT/logs.md" ;;
    report)
      shopt -s nullglob
      java -cp "$JAR" com.clevercloud.client.benchmarks.Report "$OUT"/*.json | tee "$OUT/report.md" ;;
    *)
      echo "unknown stage $stage (signing paired paired-long disk client thrpt heap files async side logs report)" >&2
      exit 2 ;;
  esac
  echo "== $stage done ($(load), $(steal "$before" "$(cpu)"))"
done
