/**
 * The Clever Cloud Java client: {@code CleverCloudClient} and its options ({@code com.clevercloud.client}),
 * credentials and secrets ({@code .auth}), typed errors ({@code .exception}). Its pipeline
 * ({@code com.clevercloud.client.internal}) is not exported. The generated interfaces and models it hands out come
 * with it ({@code requires transitive com.clevercloud.api}), and so do OkHttp and Gson, which its API names.
 */
module com.clevercloud.client {
  requires transitive com.clevercloud.api;
  requires transitive okhttp3;
  requires transitive com.google.gson;
  // Automatic modules (names from their manifests; javac warns about it): Retrofit 3 and Okio ship no module-info.
  requires retrofit2;
  requires retrofit2.converter.gson;
  requires retrofit2.converter.scalars;
  requires okio;

  exports com.clevercloud.client;
  exports com.clevercloud.client.auth;
  exports com.clevercloud.client.exception;
}
