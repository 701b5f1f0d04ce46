package com.clevercloud.client.benchmarks;

import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.SignatureMethod;

/** The two credential kinds the client benchmarks compare, with fixed, realistic-looking (fake) values. */
public enum Auth {
  /** An API token, sent as {@code Bearer} to the Bridge. */
  API_TOKEN,
  /** OAuth 1.0a signed with HMAC-SHA512, sent to the main host. */
  OAUTH1_HMAC_SHA512;

  /** A fake API token, as long as real ones. */
  public static final String API_TOKEN_VALUE = "ccapitk_0000000000000000000000000000000000000000000000000000000000";
  /** A fake OAuth consumer key. */
  public static final String CONSUMER_KEY = "00000000000000000000000000000ck1";
  /** A fake OAuth consumer secret. */
  public static final String CONSUMER_SECRET = "0000000000000000000000000000cs01";
  /** A fake OAuth access token. */
  public static final String TOKEN = "00000000000000000000000000000tk1";
  /** A fake OAuth access token secret. */
  public static final String TOKEN_SECRET = "0000000000000000000000000000ts01";

  /**
   * The facade's credentials for this kind.
   *
   * @return the credentials
   */
  public Credentials credentials() {
    return switch (this) {
      case API_TOKEN -> Credentials.apiToken(API_TOKEN_VALUE);
      case OAUTH1_HMAC_SHA512 -> Credentials.oauth1(CONSUMER_KEY, CONSUMER_SECRET, TOKEN, TOKEN_SECRET,
          SignatureMethod.HMAC_SHA512);
    };
  }
}
