/**
 * The IVH video gateway's VideoMakeNoTrain client: the facade ({@code IvhClient} and its options,
 * results and exceptions), the generated request and response models, and the sandbox gateway for
 * tests. The implementation ({@code internal}), the generated Retrofit interfaces ({@code api}) and
 * the command line ({@code cli}, which runs from the {@code -cli} jar) are not exported.
 */
module io.github.ivhclient.videomake {
  // In the public API: IvhClient.Builder#okHttpClient, the models' constraint and nullness annotations.
  requires transitive okhttp3;
  requires transitive jakarta.validation;
  requires transitive jakarta.annotation;
  requires retrofit2;
  requires retrofit2.converter.moshi;
  requires okio;
  requires com.squareup.moshi;
  requires kotlin.stdlib;
  requires org.hibernate.validator;
  // Hibernate Validator is an automatic module and cannot declare that it needs ClassMate (a named
  // module): without this a consumer on the module path fails with NoClassDefFoundError.
  requires com.fasterxml.classmate;
  requires org.slf4j;
  // SandboxGateway runs on the JDK's built-in HTTP server.
  requires jdk.httpserver;
  // The command line only; its dependencies are optional and do not reach consumers.
  requires static info.picocli;
  requires static me.tongfei.progressbar;

  exports io.github.ivhclient.videomake;
  exports io.github.ivhclient.videomake.model;
  exports io.github.ivhclient.videomake.sandbox;

  // Moshi and Hibernate Validator read the models and the internal adapters and constraint
  // validators reflectively; Retrofit implements the generated interfaces with a proxy.
  opens io.github.ivhclient.videomake.model to com.squareup.moshi, org.hibernate.validator;
  opens io.github.ivhclient.videomake.internal to com.squareup.moshi, org.hibernate.validator;
  opens io.github.ivhclient.videomake.api to retrofit2;
}
