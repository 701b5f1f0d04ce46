package com.clevercloud.client.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A contract test class: runs against the Prisms of the whole run ({@link PrismExtension}), records every exchange
 * ({@link ContractRecorder}), and fails any test during which Prism reported a {@code sl-violations} header, unless the
 * test is marked {@link ViolationsExpected}. The coverage guard expects every class so marked to have run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({PrismExtension.class, ContractExtension.class})
@interface ContractTest {
}
