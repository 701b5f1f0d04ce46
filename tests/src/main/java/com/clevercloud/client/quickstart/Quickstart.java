package com.clevercloud.client.quickstart;

import com.clevercloud.api.bridge.api.ApiTokensApi;
import com.clevercloud.api.bridge.model.ApiToken;
import com.clevercloud.api.bridge.model.ApiTokenUpdateRequest;
import com.clevercloud.api.v2.api.ApplicationsApi;
import com.clevercloud.api.v2.api.OrganisationsApi;
import com.clevercloud.api.v2.api.SelfApi;
import com.clevercloud.api.v2.model.ApplicationView;
import com.clevercloud.api.v2.model.OrganisationView;
import com.clevercloud.api.v2.model.UserView;
import com.clevercloud.api.v4.api.ZonesApi;
import com.clevercloud.api.v4.model.Zone;
import com.clevercloud.client.CleverCloudClient;
import com.clevercloud.client.CreateApiTokenRequest;
import com.clevercloud.client.CreatedApiToken;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.Secret;
import com.clevercloud.client.testkit.prism.PrismHosts;
import com.clevercloud.client.testkit.prism.PrismServers;
import java.io.Console;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A tour of the client: who am I, the zones, the applications of my organisation, then an API token's whole life
 * (create, with its secret shown once and masked; list; rename; delete).
 *
 * <p>By default it needs no account: it starts Prism on the project's specs ({@code openapi/*.yaml}), two loopback
 * stand-ins for Clever Cloud's hosts in front of them, and stops them all at the end. Prism answers every call with the
 * spec's examples. With {@code --real} it calls the real API with {@link Credentials#fromEnvironment()}
 * ({@code CLEVER_API_TOKEN}, or the OAuth 1.0a variables) and asks for the account's password on the console to
 * create the token, which it deletes before leaving.
 *
 * <pre>
 * ./mvnw -q -Pquickstart -DskipTests verify                     # on Prism
 * ./mvnw -q -Pquickstart -DskipTests verify -Dquickstart.args=--real   # on the real API
 * </pre>
 */
public final class Quickstart {

  /** The API token the tour sends to Prism, which checks that a credential is present, not its value. */
  static final String MOCK_API_TOKEN = "quickstart-mock-api-token";
  /** How many characters of a new token's secret are shown: enough to recognise it, too few to use it. */
  static final int SHOWN_PREFIX = 8;

  /** What the tour asks the user: the account's password and TOTP code, needed to create a token. */
  interface Prompt {
    /**
     * The account's password.
     *
     * @param email the account
     * @return the password, or null to skip the token steps
     */
    char[] password(String email);

    /**
     * The current TOTP code, asked only for accounts that use one.
     *
     * @return the code, or null to skip the token steps
     */
    String mfaCode();
  }

  private Quickstart() {
  }

  /**
   * Runs the tour on Prism, or on the real API with {@code --real}.
   *
   * @param args nothing, or {@code --real}
   */
  public static void main(String[] args) {
    List<String> options = Arrays.stream(args).filter(a -> !a.isBlank()).toList();
    if (options.equals(List.of("--real"))) {
      runOnRealApi(System.out);
    } else if (options.isEmpty()) {
      runOnPrism(System.out);
    } else {
      throw new IllegalArgumentException("Usage: Quickstart [--real]; got " + options);
    }
  }

  /**
   * Starts Prism on the specs the test kit ships (those of {@code openapi/} at build time), runs the tour against it, and
   * stops every process it started.
   *
   * @param out where to print
   */
  public static void runOnPrism(PrintStream out) {
    out.println("Starting Prism on openapi/bridge.yaml, v2.yaml and v4.yaml (one process each)...");
    try (PrismServers prism = PrismServers.start()) {
      tourOnPrism(prism, out);
      out.println();
      out.println("Stopping Prism (processes " + prism.pids() + ").");
    }
    out.println("Done: every process the quickstart started is stopped.");
  }

  /**
   * Runs the tour against Prisms that are already running, through loopback stand-ins for the Bridge and the main
   * host, which it starts and stops.
   *
   * @param prism the running Prisms
   * @param out where to print
   */
  public static void tourOnPrism(PrismServers prism, PrintStream out) {
    try (PrismHosts hosts = PrismHosts.start(prism);
        CleverCloudClient client = CleverCloudClient.builder()
            .bridgeBaseUrl(hosts.bridgeUrl())
            .apiBaseUrl(hosts.apiUrl())
            .credentials(Credentials.apiToken(MOCK_API_TOKEN))
            .applicationId("clevercloud-java-quickstart")
            .build()) {
      out.println("Prism answers every call with the examples of the specs, whatever was sent.");
      tour(client, new Prompt() {
        @Override
        public char[] password(String email) {
          return "quickstart-mock-password".toCharArray();
        }

        @Override
        public String mfaCode() {
          return "123456";
        }
      }, out);
    }
  }

  /**
   * Runs the tour against the real API, with credentials from the environment and the password from the console.
   *
   * @param out where to print
   */
  public static void runOnRealApi(PrintStream out) {
    Credentials credentials = Credentials.fromEnvironment();
    Console console = System.console();
    try (CleverCloudClient client = CleverCloudClient.builder()
        .credentials(credentials)
        .applicationId("clevercloud-java-quickstart")
        .build()) {
      out.println("Calling the real API as " + credentials + ".");
      tour(client, new Prompt() {
        @Override
        public char[] password(String email) {
          return console == null ? null : console.readPassword("Password of %s (to create a token): ", email);
        }

        @Override
        public String mfaCode() {
          return console == null ? null : console.readLine("Current TOTP code: ");
        }
      }, out);
    }
  }

  /**
   * The tour itself.
   *
   * @param client the client
   * @param prompt asks for the password (and TOTP code) to create a token
   * @param out where to print
   */
  static void tour(CleverCloudClient client, Prompt prompt, PrintStream out) {
    out.println();
    out.println("1. Who am I?");
    UserView me = client.api(SelfApi.class).getSelf();
    out.println("   " + me.getName() + " <" + me.getEmail() + ">, " + me.getId());

    out.println();
    out.println("2. Zones");
    for (Zone zone : client.api(ZonesApi.class).listZones(null, null)) {
      out.println("   " + zone.getName() + "  " + zone.getCity() + ", " + zone.getCountry() + "  "
          + Objects.requireNonNullElse(zone.getTags(), List.of()));
    }

    out.println();
    List<OrganisationView> organisations = client.api(OrganisationsApi.class).listOrganisations();
    String ownerId = organisations.isEmpty() ? me.getId() : organisations.get(0).getId();
    String ownerName = organisations.isEmpty() ? "my personal space" : organisations.get(0).getName();
    out.println("3. Applications of " + ownerName + " (" + ownerId + ")");
    List<ApplicationView> applications = client.api(ApplicationsApi.class).listApplications(ownerId, null);
    if (applications.isEmpty()) {
      out.println("   (none)");
    }
    for (ApplicationView app : applications) {
      out.println("   " + app.getName() + "  " + app.getId() + "  " + app.getState());
    }

    out.println();
    out.println("4. Create an API token");
    char[] password = prompt.password(me.getEmail());
    if (password == null) {
      out.println("   Skipped: no console to read the account's password from (API tokens are created with it).");
      return;
    }
    CreateApiTokenRequest.Builder request = CreateApiTokenRequest.builder()
        .name("clevercloud-java quickstart")
        .description("Made by the Java client's quickstart; deleted at its end")
        .expiration("1h")
        .password(password);
    Arrays.fill(password, '\0');
    if (me.getPreferredMFA() == UserView.PreferredMFAEnum.TOTP) {
      String code = prompt.mfaCode();
      if (code == null || code.isBlank()) {
        out.println("   Skipped: this account needs a TOTP code to create a token.");
        return;
      }
      request.mfaCode(code);
    }
    CreatedApiToken created = client.apiTokens().create(request.build());
    ApiTokensApi tokens = client.api(ApiTokensApi.class);
    boolean deleted = false;
    try {
      out.println("   Created " + created.id() + " \"" + created.name() + "\", expires " + created.expirationDate());
      out.println("   Its secret, shown this once: " + masked(created.secret()));
      out.println("   Store the secret now (in a password manager or your CI's secret store): the API never shows"
          + " it again.");

      out.println();
      out.println("5. List my API tokens (a listing never carries a secret)");
      for (ApiToken token : tokens.listApiTokens()) {
        out.println("   " + token.getApiTokenId() + "  \"" + token.getName() + "\"  "
            + token.getStateAsString() + "  expires "
            + (token.getExpirationDate() == null ? null : token.getExpirationDate().toInstant()));
      }

      out.println();
      out.println("6. Rename it");
      tokens.updateApiToken(created.id(), new ApiTokenUpdateRequest()
          .name("clevercloud-java quickstart (renamed)")
          .description(created.description().orElse(null)));
      out.println("   Renamed " + created.id() + " to \"clevercloud-java quickstart (renamed)\"");

      out.println();
      out.println("7. Delete it");
      tokens.deleteApiToken(created.id());
      deleted = true;
      out.println("   Deleted " + created.id());
    } finally {
      if (!deleted) {
        // Never leave a live token behind on the way out of a failure.
        tokens.deleteApiToken(created.id());
      }
      created.secret().wipe();
    }
  }

  /**
   * A secret as the quickstart prints it: its first characters, then a fixed mask that tells nothing of its length.
   *
   * @param secret the secret
   * @return for example {@code EXAMPLE-************}
   */
  static String masked(Secret secret) {
    String value = secret.reveal();
    int shown = Math.min(SHOWN_PREFIX, value.length() / 4);
    return value.substring(0, shown) + "************";
  }
}
