package com.clevercloud.client.benchmarks;

import com.clevercloud.api.v2.api.ApplicationsApi;
import com.clevercloud.api.v2.api.SelfApi;
import com.clevercloud.api.v2.model.ApplicationView;
import com.clevercloud.api.v2.model.UserView;
import com.clevercloud.api.v4.api.InvoicesApi;
import com.clevercloud.client.CleverCloudClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The server and the two clients a benchmark trial compares: the facade and {@link RawClient}, built on the same
 * {@link OkHttpClient} configuration (the facade derives its own from it with {@code newBuilder()}, as it does for any
 * user-supplied client): a pool of 64 idle connections, so that neither side reconnects at 32 threads.
 */
final class Clients implements AutoCloseable {

  final ServerProcess server;
  final OkHttpClient http;
  final CleverCloudClient facade;
  final RawClient raw;

  /**
   * Starts the server, builds both clients and checks that they give the same answers.
   *
   * @param auth the credential kind
   */
  Clients(Auth auth) {
    server = ServerProcess.start();
    http = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
        .build();
    facade = CleverCloudClient.builder()
        .credentials(auth.credentials())
        .apiBaseUrl(server.baseUrl())
        .bridgeBaseUrl(server.baseUrl())
        .okHttpClient(http)
        .build();
    raw = new RawClient(http, server.baseUrl(), auth);
    checkSameAnswers();
  }

  UserView selfFacade() {
    return facade.api(SelfApi.class).getSelf();
  }

  UserView selfRaw() {
    return raw.self();
  }

  List<ApplicationView> applicationsFacade() {
    return facade.api(ApplicationsApi.class).listApplications(Fixtures.OWNER_ID, null);
  }

  List<ApplicationView> applicationsRaw() {
    return raw.applications(Fixtures.OWNER_ID);
  }

  long pdfFacade(Path file) {
    return facade.download(facade.api(InvoicesApi.class).getInvoicePdf(Fixtures.OWNER_ID, Fixtures.INVOICE), file);
  }

  long pdfRaw(Path file) {
    return raw.invoicePdf(Fixtures.OWNER_ID, Fixtures.INVOICE, file);
  }

  /**
   * The raw download written the way the facade writes a file: to a temporary file next to the target, then renamed
   * over it. Not a baseline for the targets; it tells the file system's share from the client's.
   */
  long pdfRawAtomic(Path file) {
    try {
      Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".part");
      long size = pdfRaw(temp);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A new file for a downloaded PDF, in {@code -Dbench.dir} if set, else in {@code /dev/shm} (memory-backed, so that
   * the disk's write-back and discard timings stay out of a client benchmark) when it exists, else in the temporary
   * directory.
   *
   * @return the file
   */
  static Path tempFile() {
    try {
      return Files.createTempFile(downloadDirectory(), "invoice-", ".pdf");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path downloadDirectory() {
    String configured = System.getProperty("bench.dir");
    if (configured != null) {
      return Path.of(configured);
    }
    Path shm = Path.of("/dev/shm");
    return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
  }

  /** Fails the trial, before anything is measured, if the two sides do not do the same work. */
  private void checkSameAnswers() {
    UserView a = selfFacade();
    UserView b = selfRaw();
    require(Objects.equals(a, b) && a.getId() != null, "GET /v2/self differs");
    List<ApplicationView> la = applicationsFacade();
    List<ApplicationView> lb = applicationsRaw();
    require(la.size() == Fixtures.APPLICATIONS && la.equals(lb), "the application lists differ");
    Path fa = tempFile();
    Path fb = tempFile();
    try {
      long na = pdfFacade(fa);
      long nb = pdfRaw(fb);
      require(na == Fixtures.PDF_BYTES && nb == Fixtures.PDF_BYTES && Files.mismatch(fa, fb) == -1,
          "the PDFs differ");
      Files.deleteIfExists(fa);
      Files.deleteIfExists(fb);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("Facade and baseline disagree: " + what);
    }
  }

  @Override
  public void close() {
    facade.close();
    http.connectionPool().evictAll();
    http.dispatcher().executorService().shutdown();
    server.close();
  }
}
