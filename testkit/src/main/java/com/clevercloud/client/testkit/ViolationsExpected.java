package com.clevercloud.client.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns off, for one test, the check that Prism found every request valid: for a negative test that sends an invalid
 * request on purpose (a missing credential, a field out of range). The exchanges still record Prism's verdict
 * ({@link Exchange#violations()}), for the test to assert on.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ViolationsExpected {
}
