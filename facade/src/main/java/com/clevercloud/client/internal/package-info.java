/**
 * Implementation details of the client: the routing table, interceptors, error mapping. Not an API: anything here may
 * change in any release. The types are public only because the client's packages need them.
 */
package com.clevercloud.client.internal;
