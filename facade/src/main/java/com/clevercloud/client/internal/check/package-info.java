/**
 * The argument checks of the client, in a package of their own that depends on nothing else of the client, so that
 * both {@code auth} and {@code internal} use them without a package cycle. Not an API.
 */
package com.clevercloud.client.internal.check;
