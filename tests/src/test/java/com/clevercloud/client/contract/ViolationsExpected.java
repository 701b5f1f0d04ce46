package com.clevercloud.client.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a negative test that sends an invalid request on purpose: Prism's {@code sl-violations} header is expected. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface ViolationsExpected {
}
