package com.clevercloud.client.contract;

import com.clevercloud.client.testkit.CleverCloudMock;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A contract test class: runs on the test kit's mock ({@link CleverCloudMock}: the Prisms of the whole run, every
 * exchange recorded, and any test during which Prism reported a {@code sl-violations} header fails, unless the test is
 * marked {@link com.clevercloud.client.testkit.ViolationsExpected}). The coverage guard expects every class so marked
 * to have run ({@link ContractExtension}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CleverCloudMock
@ExtendWith(ContractExtension.class)
@interface ContractTest {
}
