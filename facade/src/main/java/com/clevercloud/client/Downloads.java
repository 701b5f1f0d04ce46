package com.clevercloud.client;

import com.clevercloud.client.internal.ErrorMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import okhttp3.ResponseBody;

/**
 * Writes a streamed answer (any operation that returns a file, such as {@code getInvoicePdf}) to a stream or a file,
 * never holding it in memory. Behind {@link CleverCloudClient#download(ResponseBody, Path)}.
 */
final class Downloads {

  private static final int BUFFER_SIZE = 16 * 1024;

  private final ErrorMapper errors;

  Downloads(ErrorMapper errors) {
    this.errors = errors;
  }

  /** Copies a body to a stream, then closes the body (not the stream). */
  long copy(ResponseBody streamed, OutputStream out) {
    Objects.requireNonNull(streamed, "body == null");
    Objects.requireNonNull(out, "out == null");
    String operation = "download";
    try (ResponseBody body = streamed; InputStream in = body.byteStream()) {
      byte[] buffer = new byte[BUFFER_SIZE];
      long total = 0;
      while (true) {
        int n;
        try {
          n = in.read(buffer);
        } catch (IOException e) {
          throw errors.transport(e, operation);
        }
        if (n < 0) {
          return total;
        }
        try {
          out.write(buffer, 0, n);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot write the download", e);
        }
        total += n;
      }
    } catch (IOException closing) {
      throw errors.transport(closing, operation);
    }
  }

  /**
   * Copies a body to a file through a temporary file next to it, moved into place once complete, so that a failed
   * download never leaves half a file; then closes the body.
   */
  long toFile(ResponseBody body, Path file) {
    Objects.requireNonNull(file, "file == null");
    Path absolute = file.toAbsolutePath();
    Path temp;
    try {
      temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
    } catch (IOException e) {
      body.close();
      throw new UncheckedIOException("Cannot create a file next to " + file, e);
    }
    boolean done = false;
    try {
      long size;
      try (OutputStream out = Files.newOutputStream(temp)) {
        size = copy(body, out);
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
}
