/**
 * Test your code against a mock Clever Cloud, without an account: annotate a JUnit 5 test class with
 * {@link com.clevercloud.client.testkit.CleverCloudMock}, take a {@link com.clevercloud.client.CleverCloudClient} (and,
 * to steer the answers, a {@link com.clevercloud.client.testkit.MockCleverCloud}) as test parameters.
 *
 * <p>The mock is Prism serving the Clever Cloud specs this version of the client was generated from; it needs Node.js
 * and the Prism npm package (see {@link com.clevercloud.client.testkit.prism.PrismCommand} for how it is found).
 */
package com.clevercloud.client.testkit;
