package com.clevercloud.client.benchmarks;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The static responses the benchmark server serves, generated once and deterministically: the same bytes in every run
 * and in every process (the server, the probes and the checks all call these methods).
 *
 * <ul>
 *   <li>{@code GET /v2/self}: the {@code UserView} example of {@code openapi/v2.yaml} (resource {@code user.json}).</li>
 *   <li>{@code GET /v2/organisations/{ownerId}/applications}: 1,000 {@code ApplicationView}s made from the spec's
 *       example (resource {@code application.json}) with per-application ids, names, hosts and commits (~1.8 MB).</li>
 *   <li>{@code GET /v4/billing/organisations/{ownerId}/invoices/{number}.pdf}: 5 MiB starting with {@code %PDF-1.7}
 *       and filled with seeded random bytes (incompressible, like a real PDF's streams).</li>
 * </ul>
 */
public final class Fixtures {

  /** Applications in the list. */
  public static final int APPLICATIONS = 1_000;
  /** Size of the invoice PDF. */
  public static final int PDF_BYTES = 5 * 1024 * 1024;
  /** The organisation the list and the invoice belong to. */
  public static final String OWNER_ID = "orga_00000000-0000-0000-0000-000000000001";
  /** An invoice number as Clever Cloud formats them. */
  public static final String INVOICE = "F20250718-021327";

  private static final String[] STATES = {"SHOULD_BE_UP", "SHOULD_BE_UP", "SHOULD_BE_UP", "SHOULD_BE_DOWN",
      "WANTS_TO_BE_UP"};
  private static final String[] ZONES = {"par", "rbx", "gra", "mtl", "sgp"};

  private Fixtures() {}

  /**
   * The {@code GET /v2/self} body.
   *
   * @return UTF-8 JSON
   */
  public static byte[] userJson() {
    return JsonParser.parseString(resource("user.json")).toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The {@code GET /v2/organisations/{ownerId}/applications} body: {@value #APPLICATIONS} applications.
   *
   * @return UTF-8 JSON, compact as the API sends it
   */
  public static byte[] applicationsJson() {
    JsonObject template = JsonParser.parseString(resource("application.json")).getAsJsonObject();
    JsonArray list = new JsonArray(APPLICATIONS);
    for (int i = 0; i < APPLICATIONS; i++) {
      String uuid = String.format("%08x-0000-4000-8000-%012x", 0x5eed0000 + i, 0xa0000000L + i * 7919L);
      String id = "app_" + uuid;
      JsonObject app = template.deepCopy();
      app.addProperty("id", id);
      app.addProperty("name", "example-app-" + i);
      app.addProperty("description", "Example application number " + i);
      app.addProperty("zone", ZONES[i % ZONES.length]);
      app.addProperty("creationDate", 1_735_689_600_000L + i * 86_400_000L);
      app.addProperty("last_deploy", i % 97);
      app.addProperty("favourite", i % 10 == 0);
      app.addProperty("state", STATES[i % STATES.length]);
      app.addProperty("commitId", String.format("%040x", 0x1234_5678_9abcL * (i + 1)));
      String push = "https://push-n1-par-example.services.clever-cloud.com/" + id + ".git";
      app.addProperty("deployUrl", push);
      JsonObject deployment = app.getAsJsonObject("deployment");
      deployment.addProperty("url", "git+ssh://git@push-n1-par-example.services.clever-cloud.com/" + id + ".git");
      deployment.addProperty("httpUrl", push);
      JsonArray vhosts = new JsonArray();
      JsonObject vhost = new JsonObject();
      vhost.addProperty("fqdn", "app-" + uuid + ".cleverapps.io");
      vhosts.add(vhost);
      if (i % 3 == 0) {
        JsonObject custom = new JsonObject();
        custom.addProperty("fqdn", "app" + i + ".example.com");
        vhosts.add(custom);
      }
      app.add("vhosts", vhosts);
      list.add(app);
    }
    return new Gson().toJson(list).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The invoice PDF: {@value #PDF_BYTES} bytes.
   *
   * @return the bytes
   */
  public static byte[] invoicePdf() {
    byte[] pdf = new byte[PDF_BYTES];
    new Random(20250718L).nextBytes(pdf);
    byte[] head = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] tail = "\nstartxref\n0\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(head, 0, pdf, 0, head.length);
    System.arraycopy(tail, 0, pdf, pdf.length - tail.length, tail.length);
    return pdf;
  }

  private static String resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
