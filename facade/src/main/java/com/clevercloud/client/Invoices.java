package com.clevercloud.client;

import com.clevercloud.api.v4.api.InvoicesApi;
import com.clevercloud.api.v4.model.Invoice;
import com.clevercloud.api.v4.model.InvoiceSummary;
import com.clevercloud.client.exception.CleverCloudException;
import com.clevercloud.client.internal.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToLongFunction;
import okhttp3.ResponseBody;

/**
 * Invoices of one owner ({@code /v4/billing/organisations/{ownerId}/invoices}). Get it with
 * {@link CleverCloudClient#invoices(String)}.
 *
 * <pre>{@code
 * client.invoices("orga_…").pdf("F20250718-021327", Path.of("invoice.pdf"));
 * }</pre>
 */
public final class Invoices {

  private static final int BUFFER_SIZE = 16 * 1024;

  private final CleverCloudClient client;
  private final String ownerId;

  Invoices(CleverCloudClient client, String ownerId) {
    this.client = client;
    this.ownerId = ownerId;
  }

  private InvoicesApi api() {
    return client.api(InvoicesApi.class);
  }

  /**
   * Lists invoices emitted in a period.
   *
   * @param since the period's start, or null
   * @param until the period's end, or null
   * @param limit how many at most, or null for the API's default
   * @return the invoices
   */
  public List<InvoiceSummary> list(Instant since, Instant until, Integer limit) {
    if (limit != null && limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    if (since != null && until != null && since.isAfter(until)) {
      throw new IllegalArgumentException("since is after until");
    }
    return client.call(api().listInvoices(ownerId, utc(since), utc(until), limit));
  }

  /**
   * Lists the invoices still to pay.
   *
   * @return the invoices
   */
  public List<InvoiceSummary> unpaid() {
    return client.call(api().listUnpaidInvoices(ownerId));
  }

  /**
   * One invoice.
   *
   * @param number the invoice number, such as {@code F20250718-021327}
   * @return the invoice
   */
  public Invoice get(String number) {
    return client.call(api().getInvoice(ownerId, Checks.pathSegment(number, "number")));
  }

  /**
   * The invoice as an HTML page.
   *
   * @param number the invoice number
   * @return the page
   */
  public String html(String number) {
    return client.call(api().getInvoiceHtml(ownerId, Checks.pathSegment(number, "number")));
  }

  /**
   * Streams the invoice's PDF to a stream, without holding it in memory. The stream is not closed.
   *
   * @param number the invoice number
   * @param out where to write
   * @return the number of bytes written
   * @throws CleverCloudException if the call fails (a failure while copying is a {@code TransportException} when
   *     reading, an {@link UncheckedIOException} when writing)
   */
  public long pdf(String number, OutputStream out) {
    Objects.requireNonNull(out, "out == null");
    return copy(client.call(api().getInvoicePdf(ownerId, Checks.pathSegment(number, "number"))), out);
  }

  /** Copies a PDF body to a stream, then closes the body. */
  private long copy(ResponseBody pdf, OutputStream out) {
    String operation = "getInvoicePdf";
    try (ResponseBody body = pdf; InputStream in = body.byteStream()) {
      byte[] buffer = new byte[BUFFER_SIZE];
      long total = 0;
      while (true) {
        int n;
        try {
          n = in.read(buffer);
        } catch (IOException e) {
          throw client.executor().errors().transport(e, operation);
        }
        if (n < 0) {
          return total;
        }
        try {
          out.write(buffer, 0, n);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot write the invoice PDF", e);
        }
        total += n;
      }
    } catch (IOException closing) {
      throw client.executor().errors().transport(closing, operation);
    }
  }

  /**
   * Downloads the invoice's PDF to a file. It is written next to the target under a temporary name and moved into
   * place once complete, so a failed download never leaves half a PDF at {@code file}. An existing file is replaced.
   *
   * @param number the invoice number
   * @param file the target file
   * @return the number of bytes written
   */
  public long pdf(String number, Path file) {
    Objects.requireNonNull(file, "file == null");
    Checks.pathSegment(number, "number");
    return toFile(file, out -> pdf(number, out));
  }

  /**
   * As {@link #pdf(String, Path)}, without blocking: the body is streamed to the file on OkHttp's callback thread,
   * with the same temporary file and move. Invalid arguments are still thrown at once; failures complete the future
   * exceptionally with the same exceptions.
   *
   * @param number the invoice number
   * @param file the target file
   * @return the future number of bytes written
   */
  public CompletableFuture<Long> pdfAsync(String number, Path file) {
    Objects.requireNonNull(file, "file == null");
    return client.callAsync(api().getInvoicePdf(ownerId, Checks.pathSegment(number, "number")), null,
        body -> {
          try (ResponseBody pdf = body) {
            return toFile(file, out -> copy(pdf, out));
          }
        });
  }

  /**
   * As {@link #pdf(String, OutputStream)}, without blocking: the body is copied to {@code out} on OkHttp's callback
   * thread, and {@code out} is not closed. Invalid arguments are still thrown at once; failures complete the future
   * exceptionally with the same exceptions.
   *
   * @param number the invoice number
   * @param out where to write
   * @return the future number of bytes written
   */
  public CompletableFuture<Long> pdfAsync(String number, OutputStream out) {
    Objects.requireNonNull(out, "out == null");
    return client.callAsync(api().getInvoicePdf(ownerId, Checks.pathSegment(number, "number")), null,
        body -> copy(body, out));
  }

  private static long toFile(Path file, ToLongFunction<OutputStream> writer) {
    Path absolute = file.toAbsolutePath();
    Path temp;
    try {
      temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a file next to " + file, e);
    }
    boolean done = false;
    try {
      long size;
      try (OutputStream out = Files.newOutputStream(temp)) {
        size = writer.applyAsLong(out);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
      return size;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    } finally {
      if (!done) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the original failure matters more
        }
      }
    }
  }

  /**
   * As {@link #list(Instant, Instant, Integer)}, without blocking. Invalid arguments are still thrown at once;
   * failures complete the future exceptionally with the same exceptions.
   *
   * @param since the period's start, or null
   * @param until the period's end, or null
   * @param limit how many at most, or null
   * @return the future invoices
   */
  public CompletableFuture<List<InvoiceSummary>> listAsync(Instant since, Instant until, Integer limit) {
    if (limit != null && limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    if (since != null && until != null && since.isAfter(until)) {
      throw new IllegalArgumentException("since is after until");
    }
    return client.callAsync(api().listInvoices(ownerId, utc(since), utc(until), limit));
  }

  /**
   * As {@link #unpaid()}, without blocking; failures complete the future exceptionally with the same exceptions.
   *
   * @return the future invoices
   */
  public CompletableFuture<List<InvoiceSummary>> unpaidAsync() {
    return client.callAsync(api().listUnpaidInvoices(ownerId));
  }

  /**
   * As {@link #get(String)}, without blocking. Invalid arguments are still thrown at once; failures complete the
   * future exceptionally with the same exceptions.
   *
   * @param number the invoice number
   * @return the future invoice
   */
  public CompletableFuture<Invoice> getAsync(String number) {
    return client.callAsync(api().getInvoice(ownerId, Checks.pathSegment(number, "number")));
  }

  /**
   * As {@link #html(String)}, without blocking. Invalid arguments are still thrown at once; failures complete the
   * future exceptionally with the same exceptions.
   *
   * @param number the invoice number
   * @return the future page
   */
  public CompletableFuture<String> htmlAsync(String number) {
    return client.callAsync(api().getInvoiceHtml(ownerId, Checks.pathSegment(number, "number")));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
