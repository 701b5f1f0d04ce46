package com.clevercloud.client;

import com.clevercloud.client.auth.Secret;
import com.clevercloud.client.internal.check.Checks;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link ApiTokens#create(CreateApiTokenRequest)} needs: a name, an expiration (at most one year ahead), the
 * account's password, and the email and MFA code when they apply. Immutable; {@code toString()} omits the password and
 * the MFA code.
 *
 * <pre>{@code
 * CreateApiTokenRequest request = CreateApiTokenRequest.builder()
 *     .name("CI deploys")
 *     .expiration("30d")                       // or Duration.ofDays(30), an Instant, "P30D", "1y", "2026-12-31"
 *     .password(System.console().readPassword("Password: "))
 *     .build();
 * }</pre>
 */
public final class CreateApiTokenRequest {

  /** The longest name accepted; the API documents none, and a longer one is more likely a mistake than a name. */
  public static final int MAX_NAME_LENGTH = 256;

  private final String name;
  private final String description;
  private final Instant expiresAt;
  private final Duration expiresIn;
  private final Period expiresInPeriod;
  private final String email;
  private final Secret password;
  private final Secret mfaCode;

  private CreateApiTokenRequest(Builder b) {
    this.name = b.name;
    this.description = b.description;
    this.expiresAt = b.expiresAt;
    this.expiresIn = b.expiresIn;
    this.expiresInPeriod = b.expiresInPeriod;
    this.email = b.email;
    this.password = b.password;
    this.mfaCode = b.mfaCode;
  }

  /**
   * Starts a request.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The token's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The token's description.
   *
   * @return the description, or empty
   */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /**
   * The account's email, if given (else {@code create} reads it from {@code GET /v2/self}).
   *
   * @return the email, or empty
   */
  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  /**
   * The account's password.
   *
   * @return the password
   */
  public Secret password() {
    return password;
  }

  /**
   * The current TOTP code, if given.
   *
   * @return the code, or empty
   */
  public Optional<Secret> mfaCode() {
    return Optional.ofNullable(mfaCode);
  }

  /**
   * The expiration as an instant, for a request made now.
   *
   * @param clock the clock giving "now"
   * @return the instant
   */
  Instant expiration(Clock clock) {
    Instant now = clock.instant();
    if (expiresAt != null) {
      return expiresAt;
    }
    try {
      if (expiresIn != null) {
        return now.plus(expiresIn);
      }
      return now.atOffset(ZoneOffset.UTC).plus(expiresInPeriod).toInstant();
    } catch (DateTimeException | ArithmeticException e) {
      // "999999999y" overflows the calendar: it is out of range, like any lifetime over a year.
      throw new IllegalArgumentException("expiration is more than one year ahead");
    }
  }

  @Override
  public String toString() {
    String expiration = expiresAt != null ? expiresAt.toString()
        : expiresIn != null ? "in " + expiresIn : "in " + expiresInPeriod;
    return "CreateApiTokenRequest[name=" + name + ", expiration=" + expiration + ", email=" + email
        + ", password=***" + (mfaCode == null ? "" : ", mfaCode=***") + "]";
  }

  /** Builds a {@link CreateApiTokenRequest}. Checks each value as it is set, and completeness in {@link #build()}. */
  public static final class Builder {

    private static final Pattern UNIT_FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h|d|w|M|y)");

    private String name;
    private String description;
    private Instant expiresAt;
    private Duration expiresIn;
    private Period expiresInPeriod;
    private String email;
    private Secret password;
    private Secret mfaCode;

    Builder() {}

    /**
     * The token's name (required).
     *
     * @param name not blank, at most {@value #MAX_NAME_LENGTH} characters, no control characters
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Checks.text(name, "name", MAX_NAME_LENGTH);
      return this;
    }

    /**
     * The token's description (optional).
     *
     * @param description free text, or null
     * @return this builder
     */
    public Builder description(String description) {
      if (description != null && description.length() > 4 * MAX_NAME_LENGTH) {
        throw new IllegalArgumentException("description is longer than " + 4 * MAX_NAME_LENGTH + " characters");
      }
      this.description = description;
      return this;
    }

    /**
     * When the token expires (required, one of the {@code expiration} forms): in the future, at most one year ahead.
     *
     * @param expiresAt the instant
     * @return this builder
     */
    public Builder expiration(Instant expiresAt) {
      clearExpiration();
      this.expiresAt = Objects.requireNonNull(expiresAt, "expiration == null");
      return this;
    }

    /**
     * How long the token lives, counted from the call to {@code create}.
     *
     * @param lifetime positive, at most one year
     * @return this builder
     */
    public Builder expiration(Duration lifetime) {
      Objects.requireNonNull(lifetime, "expiration == null");
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("expiration must be in the future (a positive duration)");
      }
      clearExpiration();
      this.expiresIn = lifetime;
      return this;
    }

    /**
     * The expiration in the forms clever-tools' {@code --expiration} accepts: an ISO-8601 duration ({@code P30D},
     * {@code PT12H}, {@code P1Y}), {@code <n><unit>} with units {@code ms s m h d w M y} ({@code m} minutes,
     * {@code M} months: {@code 90m}, {@code 30d}, {@code 6M}, {@code 1y}), plain seconds ({@code 3600}), or an
     * absolute ISO date ({@code 2026-12-31}, {@code 2026-12-31T12:00:00Z}; without offset, UTC).
     *
     * @param expiration the text
     * @return this builder
     * @throws IllegalArgumentException if the text is in none of these forms
     */
    public Builder expiration(String expiration) {
      Objects.requireNonNull(expiration, "expiration == null");
      String text = expiration.trim();
      clearExpiration();
      if (text.matches("\\d{1,12}")) {
        expiresIn = positive(Duration.ofSeconds(Long.parseLong(text)));
        return this;
      }
      Matcher m = UNIT_FORM.matcher(text);
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        switch (m.group(2)) {
          case "ms" -> expiresIn = positive(Duration.ofMillis(n));
          case "s" -> expiresIn = positive(Duration.ofSeconds(n));
          case "m" -> expiresIn = positive(Duration.ofMinutes(n));
          case "h" -> expiresIn = positive(Duration.ofHours(n));
          case "d" -> expiresIn = positive(Duration.ofDays(n));
          case "w" -> expiresIn = positive(Duration.ofDays(7 * n));
          case "M" -> expiresInPeriod = positive(Period.ofMonths((int) n));
          case "y" -> expiresInPeriod = positive(Period.ofYears((int) n));
          default -> throw new AssertionError(m.group(2));
        }
        return this;
      }
      if (text.startsWith("P") || text.startsWith("p")) {
        try {
          expiresIn = positive(Duration.parse(text));
          return this;
        } catch (DateTimeParseException notDuration) {
          try {
            expiresInPeriod = positive(Period.parse(text));
            return this;
          } catch (DateTimeParseException notPeriod) {
            throw unrecognised(expiration);
          }
        }
      }
      try {
        expiresAt = Instant.parse(text);
        return this;
      } catch (DateTimeParseException e) {
        // next form
      }
      try {
        expiresAt = OffsetDateTime.parse(text).toInstant();
        return this;
      } catch (DateTimeParseException e) {
        // next form
      }
      try {
        expiresAt = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        return this;
      } catch (DateTimeParseException e) {
        // next form
      }
      try {
        expiresAt = LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        return this;
      } catch (DateTimeParseException e) {
        throw unrecognised(expiration);
      }
    }

    /**
     * The account's email (optional: read from {@code GET /v2/self} when missing, which needs credentials).
     *
     * @param email the email the account signs in with
     * @return this builder
     */
    public Builder email(String email) {
      Objects.requireNonNull(email, "email == null");
      if (email.isBlank() || !email.contains("@") || email.length() > 320) {
        throw new IllegalArgumentException("email is not an email address");
      }
      Checks.noControlCharacters(email, "email");
      this.email = email.trim();
      return this;
    }

    /**
     * The account's password (required). The request keeps its own copy.
     *
     * @param password the password
     * @return this builder
     */
    public Builder password(Secret password) {
      Objects.requireNonNull(password, "password == null");
      return password(password.reveal().toCharArray());
    }

    /**
     * The account's password (required), as characters from {@code Console.readPassword()}; copied, so the caller
     * may clear the array.
     *
     * @param password the password
     * @return this builder
     */
    public Builder password(char[] password) {
      Objects.requireNonNull(password, "password == null");
      if (password.length == 0) {
        throw new IllegalArgumentException("password is empty");
      }
      this.password = Secret.of(password);
      return this;
    }

    /**
     * The account's password (required).
     *
     * @param password the password
     * @return this builder
     */
    public Builder password(String password) {
      Objects.requireNonNull(password, "password == null");
      return password(password.toCharArray());
    }

    /**
     * The current TOTP code, required when the account's {@code preferredMFA} is {@code TOTP}.
     *
     * @param mfaCode the code, such as {@code 123456}
     * @return this builder
     */
    public Builder mfaCode(String mfaCode) {
      Objects.requireNonNull(mfaCode, "mfaCode == null");
      if (mfaCode.isBlank()) {
        throw new IllegalArgumentException("mfaCode is blank");
      }
      Checks.noControlCharacters(mfaCode, "mfaCode");
      this.mfaCode = Secret.of(mfaCode.trim());
      return this;
    }

    /**
     * Makes the request.
     *
     * @return the request
     * @throws IllegalStateException if the name, the expiration or the password is missing
     */
    public CreateApiTokenRequest build() {
      if (name == null) {
        throw new IllegalStateException("name is required");
      }
      if (expiresAt == null && expiresIn == null && expiresInPeriod == null) {
        throw new IllegalStateException("expiration is required (at most one year ahead), for example \"30d\"");
      }
      if (password == null) {
        throw new IllegalStateException("password is required: API tokens are created with the account's password");
      }
      return new CreateApiTokenRequest(this);
    }

    private void clearExpiration() {
      expiresAt = null;
      expiresIn = null;
      expiresInPeriod = null;
    }

    private static Duration positive(Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("expiration must be in the future (a positive duration)");
      }
      return d;
    }

    private static Period positive(Period p) {
      if (p.isNegative() || p.isZero()) {
        throw new IllegalArgumentException("expiration must be in the future (a positive period)");
      }
      return p;
    }

    private static IllegalArgumentException unrecognised(String text) {
      return new IllegalArgumentException("Unrecognised expiration \"" + text + "\": use an ISO duration (P30D), "
          + "<n><unit> with units ms s m h d w M y (30d, 6M, 1y), seconds (3600) or an ISO date (2026-12-31)");
    }
  }
}
