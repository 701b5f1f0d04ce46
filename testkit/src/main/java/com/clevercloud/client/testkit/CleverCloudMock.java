package com.clevercloud.client.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a mock Clever Cloud: Prism serving the Clever Cloud specs shipped in the test kit, behind
 * two loopback stand-ins for the main API host and the Bridge.
 *
 * <p>Test methods and constructors may declare a {@link com.clevercloud.client.CleverCloudClient} parameter (a client
 * pointed at the mock, authenticated as {@link #credentials()} says, closed after the test) and a
 * {@link MockCleverCloud} parameter (choose an example or an error status for the next call, read the recorded
 * exchanges). After each test, the test fails if Prism found a request it made invalid against the specs, unless the
 * test is annotated {@link ViolationsExpected}.
 *
 * <pre>{@code
 * @CleverCloudMock
 * class DeployerTest {
 *   @Test
 *   void reportsAMissingApplication(CleverCloudClient client, MockCleverCloud mock) {
 *     mock.nextCall().status(404);
 *     assertThrows(NotFoundException.class, () -> new Deployer(client).redeploy("orga_…", "app_…"));
 *   }
 * }
 * }</pre>
 *
 * <p>Prism starts once per test run, on first use, and stops when the run ends. If Node.js or Prism is missing the
 * tests fail, with what to install: they never skip. Tests of one run use the mock one at a time (JUnit's default).
 *
 * <p>On a method, the annotation overrides the class's {@link #credentials()} for that test.
 */
@Documented
@Inherited
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(CleverCloudMockExtension.class)
public @interface CleverCloudMock {

  /**
   * The credentials of the injected {@link com.clevercloud.client.CleverCloudClient}.
   *
   * @return an API token unless set
   */
  MockCredentials credentials() default MockCredentials.API_TOKEN;
}
