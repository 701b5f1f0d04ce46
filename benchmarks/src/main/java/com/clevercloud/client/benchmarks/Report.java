package com.clevercloud.client.benchmarks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH JSON results ({@code -rf json}) into the Markdown tables of BENCHMARKS.md: facade versus raw per endpoint,
 * credential and thread count (mean latency with JMH's 99.9% error, the ratio with its worst-case range from those
 * errors, the throughput it implies, allocation per call), and the signing figures.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar com.clevercloud.client.benchmarks.Report results/*.json</pre>
 */
public final class Report {

  private record Result(String cls, String benchmark, String auth, String method, String call, int threads, double score,
      double error, String unit, double alloc, double p50, double[] facadeNanos, double[] rawNanos, double[] pairs,
      double[] facadeCpu, double[] rawCpu) {}

  private Report() {}

  /**
   * Prints the tables.
   *
   * @param args JMH JSON result files
   * @throws IOException if a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    List<Result> results = new ArrayList<>();
    for (String arg : args) {
      JsonArray runs = JsonParser.parseString(Files.readString(Path.of(arg), StandardCharsets.UTF_8)).getAsJsonArray();
      for (JsonElement e : runs) {
        results.add(parse(e.getAsJsonObject()));
      }
    }
    pairedTable(results);
    clientTable(results);
    throughputTable(results);
    signingTable(results);
  }

  private static Result parse(JsonObject run) {
    String name = run.get("benchmark").getAsString();
    JsonObject params = run.has("params") ? run.getAsJsonObject("params") : new JsonObject();
    JsonObject primary = run.getAsJsonObject("primaryMetric");
    double alloc = Double.NaN;
    JsonObject secondary = run.getAsJsonObject("secondaryMetrics");
    if (secondary != null && secondary.has("gc.alloc.rate.norm")) {
      alloc = secondary.getAsJsonObject("gc.alloc.rate.norm").get("score").getAsDouble();
    }
    double error = primary.get("scoreError").isJsonPrimitive() ? primary.get("scoreError").getAsDouble() : Double.NaN;
    double p50 = primary.has("scorePercentiles") && primary.getAsJsonObject("scorePercentiles").has("50.0")
        ? primary.getAsJsonObject("scorePercentiles").get("50.0").getAsDouble() : Double.NaN;
    String[] parts = name.split("\\.");
    String call = string(params, "call");
    for (JsonElement arg : run.getAsJsonArray("jvmArgs")) {
      if (call != null && arg.getAsString().startsWith("-Dbench.dir=")) {
        call += "Disk"; // the PDF written to a disk-backed directory instead of /dev/shm
      }
    }
    return new Result(parts[parts.length - 2], parts[parts.length - 1], string(params, "auth"), string(params, "method"),
        call, run.get("threads").getAsInt(), primary.get("score").getAsDouble(), error,
        primary.get("scoreUnit").getAsString(), alloc, p50, rawData(secondary, "facadeNanos"),
        rawData(secondary, "rawNanos"), rawData(secondary, "pairs"), rawData(secondary, "facadeCpuNanos"),
        rawData(secondary, "rawCpuNanos"));
  }

  private static String string(JsonObject o, String name) {
    return o.has(name) ? o.get(name).getAsString() : null;
  }

  /** Per-iteration values of a secondary metric, all forks in a row. */
  private static double[] rawData(JsonObject secondary, String name) {
    if (secondary == null || !secondary.has(name)) {
      return null;
    }
    List<Double> values = new ArrayList<>();
    for (JsonElement fork : secondary.getAsJsonObject(name).getAsJsonArray("rawData")) {
      for (JsonElement v : fork.getAsJsonArray()) {
        values.add(v.getAsDouble());
      }
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static void pairedTable(List<Result> results) {
    Map<String, Result> byKey = new LinkedHashMap<>();
    for (Result r : results) {
      if (r.facadeNanos() != null) {
        byKey.put(r.call() + "|" + r.auth() + "|" + r.threads(), r);
      }
    }
    if (byKey.isEmpty()) {
      return;
    }
    System.out.println("Targets (PairedBenchmark: facade and raw calls interleaved, one facade + one raw call per "
        + "operation, order alternating):");
    System.out.println();
    System.out.println("| call | credential | threads | raw µs/call | facade µs/call | facade/raw | per-iteration range "
        + "| target | client CPU µs/call raw → facade |");
    System.out.println("|---|---|---:|---:|---:|---:|---|---|---:|");
    for (String call : new String[] {"self", "applications", "pdf", "pdfDisk", "pdfAtomicBaselineDisk"}) {
      for (String auth : new String[] {"API_TOKEN", "OAUTH1_HMAC_SHA512"}) {
        for (int threads : new int[] {1, 8, 32}) {
          Result r = byKey.get(call + "|" + auth + "|" + threads);
          if (r == null) {
            continue;
          }
          double f = 0;
          double w = 0;
          double n = 0;
          double fc = 0;
          double wc = 0;
          double min = Double.POSITIVE_INFINITY;
          double max = 0;
          for (int i = 0; i < r.facadeNanos().length; i++) {
            f += r.facadeNanos()[i];
            w += r.rawNanos()[i];
            n += r.pairs()[i];
            fc += r.facadeCpu() == null ? Double.NaN : r.facadeCpu()[i];
            wc += r.rawCpu() == null ? Double.NaN : r.rawCpu()[i];
            double ratio = r.facadeNanos()[i] / r.rawNanos()[i];
            min = Math.min(min, ratio);
            max = Math.max(max, ratio);
          }
          double ratio = f / w;
          double target = auth.equals("API_TOKEN") ? 1.05 : 1.10;
          String verdict = ratio <= target ? (max <= target ? "met" : "met (some iterations above)")
              : (min > target ? "**missed**" : "missed (some iterations below)");
          System.out.println(String.format(Locale.ROOT,
              "| %s | %s | %d | %s | %s | **%.3f** | %.3f–%.3f | ≤ %.2f: %s | %s → %s |",
              label(call), auth.equals("API_TOKEN") ? "API token" : "OAuth1 HMAC-SHA512", threads,
              num(w / n / 1e3), num(f / n / 1e3), ratio, min, max, target, verdict, num(wc / n / 1e3),
              num(fc / n / 1e3)));
        }
      }
    }
    System.out.println();
  }

  private static void clientTable(List<Result> results) {
    Map<String, Result> byKey = new LinkedHashMap<>();
    for (Result r : results) {
      if (r.auth() != null && r.facadeNanos() == null && r.unit().equals("us/op")) {
        byKey.put(r.benchmark() + "|" + r.auth() + "|" + r.threads(), r);
      }
    }
    if (byKey.isEmpty()) {
      return;
    }
    System.out.println("Each client on its own (ClientBenchmark, avgt + -prof gc; calls/s = threads / mean latency):");
    System.out.println();
    System.out.println("| call | credential | threads | raw µs/call | facade µs/call | facade/raw | raw calls/s "
        + "| facade calls/s | raw B/call | facade B/call |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (String call : new String[] {"self", "applications", "pdf"}) {
      for (String auth : new String[] {"API_TOKEN", "OAUTH1_HMAC_SHA512"}) {
        for (int threads : new int[] {1, 8, 32}) {
          Result raw = byKey.get(call + "Raw|" + auth + "|" + threads);
          Result facade = byKey.get(call + "Facade|" + auth + "|" + threads);
          if (raw == null || facade == null) {
            continue;
          }
          System.out.println(String.format(Locale.ROOT,
              "| %s | %s | %d | %s ± %s | %s ± %s | %.3f | %.0f | %.0f | %s | %s |",
              label(call), auth.equals("API_TOKEN") ? "API token" : "OAuth1 HMAC-SHA512", threads,
              num(raw.score()), num(raw.error()), num(facade.score()), num(facade.error()),
              facade.score() / raw.score(), threads * 1e6 / raw.score(), threads * 1e6 / facade.score(),
              bytes(raw.alloc()), bytes(facade.alloc())));
        }
      }
    }
    System.out.println();
  }

  private static void throughputTable(List<Result> results) {
    Map<String, Result> byKey = new LinkedHashMap<>();
    for (Result r : results) {
      if (r.auth() != null && r.unit().equals("ops/s")) {
        byKey.put(r.benchmark() + "|" + r.auth() + "|" + r.threads(), r);
      }
    }
    if (byKey.isEmpty()) {
      return;
    }
    System.out.println("| call | credential | threads | raw calls/s | facade calls/s | facade/raw |");
    System.out.println("|---|---|---:|---:|---:|---:|");
    for (String call : new String[] {"self", "applications", "pdf"}) {
      for (String auth : new String[] {"API_TOKEN", "OAUTH1_HMAC_SHA512"}) {
        for (int threads : new int[] {1, 8, 32}) {
          Result raw = byKey.get(call + "Raw|" + auth + "|" + threads);
          Result facade = byKey.get(call + "Facade|" + auth + "|" + threads);
          if (raw == null || facade == null) {
            continue;
          }
          System.out.println(String.format(Locale.ROOT, "| %s | %s | %d | %s ± %s | %s ± %s | %.3f |", label(call),
              auth.equals("API_TOKEN") ? "API token" : "OAuth1 HMAC-SHA512", threads, num(raw.score()),
              num(raw.error()), num(facade.score()), num(facade.error()), facade.score() / raw.score()));
        }
      }
    }
    System.out.println();
  }

  private static void signingTable(List<Result> results) {
    List<Result> signing = results.stream().filter(r -> r.cls().startsWith("Signing")).toList();
    if (signing.isEmpty()) {
      return;
    }
    System.out.println("| benchmark | method | threads | median ns/op | mean ns/op (99.9% error) | B/op |");
    System.out.println("|---|---|---:|---:|---:|---:|");
    for (Result r : signing) {
      if (r.benchmark().equals("nonce") && !"HMAC_SHA512".equals(r.method())) {
        continue; // the same work under each parameter value; one row is enough
      }
      double scale = r.unit().startsWith("us") ? 1e3 : 1;
      System.out.println(String.format(Locale.ROOT, "| %s.%s | %s | %d | **%s** | %s ± %s | %s |", r.cls(),
          r.benchmark(), r.method() == null || r.benchmark().equals("nonce") ? "–" : r.method(), r.threads(),
          num(r.p50() * scale), num(r.score() * scale), num(r.error() * scale), bytes(r.alloc())));
    }
    System.out.println();
  }

  private static String label(String call) {
    return switch (call) {
      case "self" -> "GET /v2/self";
      case "applications" -> "1,000 applications";
      case "pdf" -> "5 MiB PDF to a file";
      case "pdfDisk" -> "5 MiB PDF to a file on disk (ext4)";
      case "pdfAtomicBaselineDisk" -> "5 MiB PDF on disk, baseline also writes temp file + rename";
      default -> call;
    };
  }

  private static String num(double v) {
    if (Double.isNaN(v)) {
      return "?";
    }
    return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String bytes(double b) {
    if (Double.isNaN(b)) {
      return "–";
    }
    if (b >= 1 << 20) {
      return String.format(Locale.ROOT, "%.2f MiB", b / 1048576);
    }
    return b >= 1024 ? String.format(Locale.ROOT, "%.1f KiB", b / 1024) : String.format(Locale.ROOT, "%.0f B", b);
  }
}
