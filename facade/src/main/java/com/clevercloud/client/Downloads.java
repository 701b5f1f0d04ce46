package com.clevercloud.client;

import com.clevercloud.client.internal.CallExecutor;
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
import okhttp3.MediaType;
import okhttp3.ResponseBody;

/**
 * Writes a streamed answer (any operation that returns a file, such as {@code getInvoicePdf}) to a stream or a file,
 * never holding it in memory. Behind {@link CleverCloudClient#download(ResponseBody, Path)}.
 *
 * <p>The spec's operations table does not record the media type a file operation answers, so the answer's
 * {@code Content-Type} is checked against what the caller states ({@code expectedType}); without one, an HTML answer
 * is refused, since no file operation of the API answers HTML: such a page comes from something in between (a
 * maintenance or login page of a proxy) and must not be saved as the file.
 */
final class Downloads {

  private static final int BUFFER_SIZE = 16 * 1024;
  /** How much of the target's name the temporary file's name keeps: enough to recognise it, short enough to fit. */
  private static final int TEMP_PREFIX_CHARS = 32;

  private final ErrorMapper errors;

  Downloads(ErrorMapper errors) {
    this.errors = errors;
  }

  /**
   * Copies a body to a stream, then closes the body (not the stream). Checks the answer's type first.
   *
   * @param expectedType the media type the answer must have, such as {@code application/pdf}, or null to refuse only
   *     HTML
   */
  long copy(ResponseBody streamed, OutputStream out, String expectedType) {
    Objects.requireNonNull(streamed, "body == null");
    Objects.requireNonNull(out, "out == null");
    MediaType expected = expected(streamed, expectedType);
    checkType(streamed, expected);
    return copy(streamed, out);
  }

  private long copy(ResponseBody streamed, OutputStream out) {
    String operation = operation(streamed);
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
   * download never leaves half a file; then closes the body. Checks the target and the answer's type before
   * writing anything.
   */
  long toFile(ResponseBody body, Path file, String expectedType) {
    Objects.requireNonNull(body, "body == null");
    MediaType expected = expected(body, expectedType);
    Path absolute = target(body, file);
    checkType(body, expected);
    Path temp;
    try {
      // Hidden, next to the target (same file system, so the move is atomic), and with a short name: the target's
      // own may already be near the file system's limit.
      String name = absolute.getFileName().toString();
      temp = Files.createTempFile(absolute.getParent(),
          "." + name.substring(0, Math.min(name.length(), TEMP_PREFIX_CHARS)), ".part");
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

  /** The target as an absolute path naming a file; closes the body and throws if it cannot be one. */
  private static Path target(ResponseBody body, Path file) {
    if (file == null) {
      body.close();
      throw new NullPointerException("file == null");
    }
    Path absolute = file.toAbsolutePath();
    if (absolute.getFileName() == null || absolute.getParent() == null) {
      body.close();
      throw new IllegalArgumentException("file must name a file, not a root directory: " + file);
    }
    if (Files.isDirectory(absolute)) {
      body.close();
      throw new IllegalArgumentException("file is a directory, so it would be replaced: " + file);
    }
    return absolute;
  }

  /** The caller's expected type, parsed; closes the body and throws if it is not a media type. */
  private static MediaType expected(ResponseBody body, String expectedType) {
    if (expectedType == null) {
      return null;
    }
    MediaType parsed = MediaType.parse(expectedType);
    if (parsed == null) {
      body.close();
      throw new IllegalArgumentException("expectedType is not a media type like application/pdf: " + expectedType);
    }
    return parsed;
  }

  /**
   * Refuses an answer of another type than the expected one (parameters such as {@code charset} aside), or an HTML
   * answer when nothing is expected, before anything is written. Its content is never quoted.
   */
  private static void checkType(ResponseBody body, MediaType expected) {
    MediaType actual = body.contentType();
    boolean ok = expected != null
        ? actual != null && actual.type().equals(expected.type()) && actual.subtype().equals(expected.subtype())
        : actual == null || !isHtml(actual);
    if (ok) {
      return;
    }
    body.close();
    throw CallExecutor.notTheFile(body, "with " + (actual == null ? "no Content-Type" : "a " + actual.type() + "/"
        + actual.subtype() + " body") + " where " + (expected == null ? "a file" : expected.type() + "/"
        + expected.subtype()) + " was expected; nothing was written");
  }

  private static boolean isHtml(MediaType type) {
    return type.subtype().equals("html") || type.subtype().equals("xhtml+xml");
  }

  private static String operation(ResponseBody body) {
    return CallExecutor.operationOf(body);
  }
}
