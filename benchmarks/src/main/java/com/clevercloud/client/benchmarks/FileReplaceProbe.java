package com.clevercloud.client.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The file-system share of the PDF download, without any network: writing 5 MiB over an existing file in place (what
 * the raw baseline does) against the facade's atomic replacement (a new temporary file next to the target, then a
 * rename over it). It explains the PDF-on-disk figures: the cost is in the directory updates and in freeing the
 * replaced file, not in the client.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar com.clevercloud.client.benchmarks.FileReplaceProbe DIR [THREADS]</pre>
 */
public final class FileReplaceProbe {

  private static final byte[] DATA = Fixtures.invoicePdf();

  private FileReplaceProbe() {}

  /**
   * Runs both ways for 10 s each and prints a Markdown table.
   *
   * @param args the directory to write in, and the number of threads (default 8)
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    Files.createDirectories(dir);
    System.out.println("| " + dir + ", " + threads + " threads | files/s | ms per file: open or create | write + close "
        + "| rename over the target |");
    System.out.println("|---|---:|---:|---:|---:|");
    run(dir, threads, false, 3); // warm-up
    run(dir, threads, true, 3);
    System.out.println(run(dir, threads, false, 10));
    System.out.println(run(dir, threads, true, 10));
  }

  private static String run(Path dir, int threads, boolean atomic, int seconds) throws Exception {
    AtomicLong open = new AtomicLong();
    AtomicLong write = new AtomicLong();
    AtomicLong move = new AtomicLong();
    AtomicLong files = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Path target = dir.resolve("replace-" + t + ".pdf");
      done.add(pool.submit(() -> {
        try {
          while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            Path temp = atomic ? Files.createTempFile(dir, "." + target.getFileName(), ".part") : null;
            OutputStream out = Files.newOutputStream(atomic ? temp : target);
            long t1 = System.nanoTime();
            try (out) {
              for (int off = 0; off < DATA.length; off += 8192) {
                out.write(DATA, off, Math.min(8192, DATA.length - off));
              }
            }
            long t2 = System.nanoTime();
            if (atomic) {
              Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            long t3 = System.nanoTime();
            open.addAndGet(t1 - t0);
            write.addAndGet(t2 - t1);
            move.addAndGet(t3 - t2);
            files.incrementAndGet();
          }
          Files.deleteIfExists(target);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return null;
      }));
    }
    pool.shutdown();
    for (Future<?> f : done) {
      f.get();
    }
    double n = files.get();
    return String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.2f |",
        atomic ? "facade: temporary file + rename over the target" : "raw: overwrite in place",
        n / seconds, open.get() / 1e6 / n, write.get() / 1e6 / n, move.get() / 1e6 / n);
  }
}
