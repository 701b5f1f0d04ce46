package com.clevercloud.client.auth;

/**
 * {@link Credentials#fromEnvironment()} found no usable credentials: none at all, a variable without its pair, an
 * unreadable clever-tools login file, an expired clever-tools profile, or clever-tools tokens without the OAuth
 * consumer they need. Thrown before any call. An {@link IllegalStateException}, as the client's other configuration
 * errors are; its message names the variables and files to look at, never a value read from them.
 */
public final class CredentialsLookupException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  CredentialsLookupException(String message) {
    super(message);
  }
}
