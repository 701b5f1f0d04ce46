/**
 * The Retrofit interfaces and Gson models generated from {@code openapi/bridge.yaml}, {@code v2.yaml} and
 * {@code v4.yaml}: the one handwritten file of this artifact, because it names the packages of all three specs at once
 * (each generator run sees one spec). A spec family added to the build adds its three lines here.
 *
 * <p>The {@code invoker} packages (Gson setup, operations table) are for the client only; the model packages are open
 * to Gson, which fills their private fields by reflection.
 */
module com.clevercloud.api {
  // javac warns twice here, as expected: retrofit2 is an automatic module (Retrofit 3 ships no module-info, only an
  // Automatic-Module-Name), and com.clevercloud.client, named by the qualified exports, is compiled after this module.
  requires transitive com.google.gson;
  requires transitive okhttp3;
  requires transitive retrofit2;
  requires jakarta.annotation;

  exports com.clevercloud.api.bridge.api;
  exports com.clevercloud.api.bridge.model;
  exports com.clevercloud.api.bridge.invoker to com.clevercloud.client;
  opens com.clevercloud.api.bridge.model to com.google.gson;

  exports com.clevercloud.api.v2.api;
  exports com.clevercloud.api.v2.model;
  exports com.clevercloud.api.v2.invoker to com.clevercloud.client;
  opens com.clevercloud.api.v2.model to com.google.gson;

  exports com.clevercloud.api.v4.api;
  exports com.clevercloud.api.v4.model;
  exports com.clevercloud.api.v4.invoker to com.clevercloud.client;
  opens com.clevercloud.api.v4.model to com.google.gson;
}
