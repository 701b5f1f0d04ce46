package com.clevercloud.client.contract;

import static com.clevercloud.client.contract.Examples.assertMatchesExample;
import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.api.v2.api.OAuthApi;
import com.clevercloud.api.v2.api.OAuthConsumersApi;
import com.clevercloud.api.v2.api.OAuthTokensApi;
import com.clevercloud.api.v2.model.SecretView;
import com.clevercloud.api.v2.model.WannabeOAuth1Consumer;
import com.clevercloud.client.CleverCloudClient;
import com.clevercloud.client.OAuth1Flow;
import com.clevercloud.client.RequestToken;
import com.clevercloud.client.auth.OAuth1Credentials;
import com.clevercloud.client.auth.SignatureMethod;
import com.clevercloud.client.contract.ContractRecorder.Exchange;
import com.clevercloud.client.contract.Contract.Credential;
import com.clevercloud.client.testkit.prism.PrismHosts;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The user's OAuth tokens ({@link OAuthTokensApi}), OAuth consumers ({@link OAuthConsumersApi}), the rights and the
 * query variants of the dance ({@link OAuthApi}), with each credential kind, answers equal to the spec's examples;
 * the consumer secret's model never prints it; and the whole OAuth 1.0a dance through {@link OAuth1Flow} with each
 * signature method.
 */
@ContractTest
class OAuthContractTest {

  private static final SpecCatalog SPEC = SpecCatalog.get();
  private static final String CONSUMER_KEY = SPEC.parameterExample("getConsumer", "key");
  private static final String CALLBACK = SPEC.parameterExample("requestTokenQuery", "oauth_callback");

  @ParameterizedTest
  @EnumSource(Credential.class)
  void oauthTokensOfTheUser(Credential credential, PrismHosts hosts) {
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      OAuthTokensApi tokens = client.api(OAuthTokensApi.class);
      assertMatchesExample(tokens.listSelfOAuthTokens(), "listSelfOAuthTokens");
      String token = SPEC.parameterExample("revokeSelfOAuthToken", "token");
      int mark = ContractRecorder.shared().mark();
      assertMatchesExample(tokens.revokeSelfOAuthToken(token), "revokeSelfOAuthToken");
      assertThat(ContractRecorder.shared().since(mark)).singleElement()
          .extracting(e -> e.method() + " " + e.path()).isEqualTo("DELETE /v2/self/tokens/" + token);
    }
  }

  @ParameterizedTest
  @EnumSource(Credential.class)
  void consumersOfAnOwner(Credential credential, PrismHosts hosts) {
    WannabeOAuth1Consumer created = wannabe("createConsumer");
    WannabeOAuth1Consumer updated = wannabe("updateConsumer");
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      OAuthConsumersApi consumers = client.api(OAuthConsumersApi.class);
      assertMatchesExample(consumers.listConsumers(Contract.OWNER_ID), "listConsumers");
      assertMatchesExample(consumers.getConsumer(Contract.OWNER_ID, CONSUMER_KEY), "getConsumer");
      assertMatchesExample(consumers.createConsumer(Contract.OWNER_ID, created), "createConsumer");
      assertMatchesExample(consumers.updateConsumer(Contract.OWNER_ID, CONSUMER_KEY, updated), "updateConsumer");
      assertMatchesExample(consumers.deleteConsumer(Contract.OWNER_ID, CONSUMER_KEY), "deleteConsumer");
    }
  }

  @ParameterizedTest
  @EnumSource(Credential.class)
  void consumerSecretIsReadAndNeverPrinted(Credential credential, PrismHosts hosts) {
    String expected = SPEC.example("getConsumerSecret").path("secret").asText();
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      SecretView secret = client.api(OAuthConsumersApi.class).getConsumerSecret(Contract.OWNER_ID, CONSUMER_KEY);
      assertThat(secret.getSecret()).isEqualTo(expected);
      // x-sensitive: true, so the generated toString redacts it.
      assertThat(secret.toString()).doesNotContain(expected).contains("redacted");
    }
  }

  @ParameterizedTest
  @EnumSource(Credential.class)
  void rightsThroughTheGeneratedInterface(Credential credential, PrismHosts hosts) {
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      assertMatchesExample(client.api(OAuthApi.class).listOAuthRights(), "listOAuthRights");
    }
  }

  /**
   * The whole dance through {@link OAuth1Flow}: request token, authorization URL (and its page), access token. The
   * dance needs no credentials on the client; the consumer signs it.
   */
  @ParameterizedTest
  @EnumSource(SignatureMethod.class)
  void oauthDanceGivesCredentials(SignatureMethod method, PrismHosts hosts) {
    HttpUrl requestAnswer = form(SPEC.example("requestToken").asText());
    HttpUrl accessAnswer = form(SPEC.example("accessToken").asText());
    try (CleverCloudClient client = Contract.builder(hosts, Contract.http()).build()) {
      OAuth1Flow flow = method == SignatureMethod.HMAC_SHA512
          ? client.oauth1Flow(CONSUMER_KEY, "contract-consumer-secret") // the default method
          : client.oauth1Flow(CONSUMER_KEY, "contract-consumer-secret", method);
      int mark = ContractRecorder.shared().mark();

      RequestToken requestToken = flow.requestToken(CALLBACK);
      assertThat(requestToken.token()).isEqualTo(requestAnswer.queryParameter("oauth_token"));
      assertThat(requestToken.secret().reveal()).isEqualTo(requestAnswer.queryParameter("oauth_token_secret"));
      assertThat(requestToken.callbackConfirmed()).isTrue();

      URI consent = flow.authorizationUrl(requestToken);
      assertThat(consent.toString()).startsWith(hosts.apiUrl() + "v2/oauth/authorize?oauth_token=");
      // The page the user's browser opens: fetched here only to check the URL against the spec.
      String page = client.http().get(consent.getRawPath() + "?" + consent.getRawQuery()).body();
      assertThat(page).isEqualTo(SPEC.example("authorize").asText());

      OAuth1Credentials credentials = flow.accessToken(requestToken,
          SPEC.parameterExample("accessTokenQuery", "oauth_verifier"));
      assertThat(credentials.token()).isEqualTo(accessAnswer.queryParameter("oauth_token"));
      assertThat(credentials.tokenSecret().reveal()).isEqualTo(accessAnswer.queryParameter("oauth_token_secret"));
      assertThat(credentials.expiration()).contains(Instant.parse(accessAnswer.queryParameter("expiration_date")));
      assertThat(credentials.signatureMethod()).isEqualTo(method);
      assertThat(ContractRecorder.shared().since(mark))
          .filteredOn(e -> e.method().equals("POST"))
          .extracting(Exchange::path, Exchange::signatureMethod)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("/v2/oauth/request_token", method.wireName()),
              org.assertj.core.groups.Tuple.tuple("/v2/oauth/access_token", method.wireName()));
    }
  }

  /** The {@code _query} twins and the authorization page, reachable through the generated interface. */
  @Test
  void oauthDanceQueryVariantsThroughTheGeneratedInterface(PrismHosts hosts) {
    try (CleverCloudClient client = Contract.builder(hosts, Contract.http()).build()) {
      OAuthApi api = client.api(OAuthApi.class);
      int mark = ContractRecorder.shared().mark();
      String page = api.authorize(SPEC.parameterExample("authorize", "oauth_token"));
      assertThat(page).isEqualTo(SPEC.example("authorize").asText());
      String request = api.requestTokenQuery(CONSUMER_KEY, "PLAINTEXT",
          "contract-consumer-secret&", "1767225600", "4f8b2c7d9e0a1b3c5d7e9f1a2b4c6d8e", "1.0", CALLBACK);
      assertThat(request).isEqualTo(SPEC.example("requestTokenQuery").asText());
      String access = api.accessTokenQuery(CONSUMER_KEY,
          SPEC.parameterExample("accessTokenQuery", "oauth_token"),
          SPEC.parameterExample("accessTokenQuery", "oauth_verifier"), "PLAINTEXT",
          "contract-consumer-secret&request-secret", "1767225660", "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b",
          "1.0");
      assertThat(access).isEqualTo(SPEC.example("accessTokenQuery").asText());
      assertThat(ContractRecorder.shared().since(mark)).extracting(Exchange::status).containsOnly(200);
    }
  }

  private static WannabeOAuth1Consumer wannabe(String operationId) {
    JsonNode example = SPEC.requestExample(operationId);
    return new com.clevercloud.api.v2.invoker.JSON().getGson().fromJson(example.toString(),
        WannabeOAuth1Consumer.class);
  }

  private static HttpUrl form(String body) {
    return HttpUrl.get("http://form.invalid/?" + body);
  }
}
