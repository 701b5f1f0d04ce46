package com.example.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.clevercloud.api.v2.api.ApplicationsApi;
import com.clevercloud.client.CleverCloudClient;
import com.clevercloud.client.CreateApiTokenRequest;
import com.clevercloud.client.exception.AuthenticationException;
import com.clevercloud.client.exception.NotFoundException;
import com.clevercloud.client.testkit.CleverCloudMock;
import com.clevercloud.client.testkit.Exchange;
import com.clevercloud.client.testkit.MockCleverCloud;
import com.clevercloud.client.testkit.MockCredentials;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's example ("Test your code against a mock Clever Cloud": the class and its first three tests, checked by
 * ReadmeSampleTest in tests/), kept compiling and passing by CI.
 */
@CleverCloudMock
class AppStatusTest {

  static final String OWNER = "orga_00000000-0000-0000-0000-000000000001";
  static final String APP = "app_00000000-0000-0000-0000-000000000001";

  @Test
  void describesAnApplication(CleverCloudClient client) {
    // No choice made: Prism answers the spec's example.
    assertEquals("example-api (par): SHOULD_BE_UP", new AppStatus(client).describe(OWNER, APP));
  }

  @Test
  void reportsAMissingApplication(CleverCloudClient client, MockCleverCloud mock) {
    mock.nextCall().status(404);
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> client.api(ApplicationsApi.class).getApplication(OWNER, APP));
    assertEquals(404, e.statusCode());
    assertEquals(404, mock.exchanges().get(0).status());
  }

  @Test
  void saysSoWhenTheApplicationIsMissing(CleverCloudClient client, MockCleverCloud mock) {
    mock.nextCall().status(404);
    assertEquals(APP + ": no such application", new AppStatus(client).describe(OWNER, APP));
    List<Exchange> sent = mock.exchanges();
    assertEquals(1, sent.size());
    assertEquals("/v2/organisations/" + OWNER + "/applications/" + APP, sent.get(0).path());
  }

  @Test
  void choosesANamedExample(CleverCloudClient client, MockCleverCloud mock) {
    mock.nextCall().status(401).example("invalidMfaCode");
    AuthenticationException e = assertThrows(AuthenticationException.class,
        () -> client.apiTokens().create(CreateApiTokenRequest.builder()
            .name("CI deploys").expiration("30d")
            .email("jane.doe@example.com").password("not-a-real-password").mfaCode("000000")
            .build()));
    assertEquals("invalid-mfa-code", e.errorCode().orElseThrow());
  }

  @Test
  @CleverCloudMock(credentials = MockCredentials.OAUTH1)
  void signsWithOAuth1(CleverCloudClient client, MockCleverCloud mock) {
    new AppStatus(client).describe(OWNER, APP);
    Exchange sent = mock.exchanges().get(0);
    assertTrue(sent.requestHeader("Authorization").startsWith("OAuth "), "an OAuth 1.0a signature");
    assertTrue(mock.apiUrl().contains(sent.authority()), "OAuth 1.0a goes to the main API host");
    // Also checked after each test by the extension: Prism found every request valid.
    mock.assertNoViolations();
  }
}
