package com.clevercloud.client.auth;

/**
 * OAuth 1.0a signature methods (RFC 5849 §3.4) that Clever Cloud accepts.
 *
 * <p>{@link #HMAC_SHA512} is the default: Clever Cloud's documentation recommends it and it never sends a secret over
 * the wire. {@link #PLAINTEXT} sends {@code consumerSecret&tokenSecret} in the header (safe only over TLS); the
 * Bridge's {@code /api-tokens} endpoints take nothing else, so the client uses it there whatever is configured.
 */
public enum SignatureMethod {
  /** The secrets themselves, concatenated (RFC 5849 §3.4.4). */
  PLAINTEXT("PLAINTEXT", null),
  /** HMAC-SHA1 over the signature base string (RFC 5849 §3.4.2). */
  HMAC_SHA1("HMAC-SHA1", "HmacSHA1"),
  /** HMAC-SHA512 over the signature base string: HMAC-SHA1's construction with SHA-512. */
  HMAC_SHA512("HMAC-SHA512", "HmacSHA512");

  private final String wireName;
  private final String macAlgorithm;

  SignatureMethod(String wireName, String macAlgorithm) {
    this.wireName = wireName;
    this.macAlgorithm = macAlgorithm;
  }

  /**
   * The name sent as {@code oauth_signature_method}.
   *
   * @return for example {@code HMAC-SHA512}
   */
  public String wireName() {
    return wireName;
  }

  /** The JCA MAC algorithm, or null for PLAINTEXT. */
  String macAlgorithm() {
    return macAlgorithm;
  }
}
