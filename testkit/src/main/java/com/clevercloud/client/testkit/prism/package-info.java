/**
 * The Prism launcher under the JUnit extension, for programs that want the mock outside JUnit:
 * {@link com.clevercloud.client.testkit.prism.PrismServers} runs one Prism per spec,
 * {@link com.clevercloud.client.testkit.prism.PrismHosts} plays Clever Cloud's two hosts in front of them, and
 * {@link com.clevercloud.client.testkit.prism.PrismCommand} finds Prism and Node.js on the machine.
 */
package com.clevercloud.client.testkit.prism;
