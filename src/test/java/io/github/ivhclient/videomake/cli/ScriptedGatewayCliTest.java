package io.github.ivhclient.videomake.cli;

import io.github.ivhclient.videomake.testlog.TestSecrets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture of the CLI tests that script a gateway: a loopback {@link MockWebServer} as the
 * endpoint, the test credentials in the environment, and every run checked for leaked secrets.
 */
abstract class ScriptedGatewayCliTest {
  static final String APP_KEY = TestSecrets.APP_KEY;
  static final String ACCESS_TOKEN = TestSecrets.ACCESS_TOKEN;

  MockWebServer server;
  Map<String, String> env;

  @TempDir
  Path dir;

  @BeforeEach
  void startGateway() throws IOException {
    server = new MockWebServer();
    server.start();
    env = CliRun.env(APP_KEY, ACCESS_TOKEN);
    env.put(IvhCli.ENV_ENDPOINT, server.url("/").toString());
  }

  @AfterEach
  void stopGateway() throws IOException {
    server.shutdown();
  }

  CliRun run(String... args) {
    return CliRun.run(env, args).assertNoSecret(APP_KEY, ACCESS_TOKEN);
  }

  /** Queues a successful gateway answer around {@code payload}. */
  void answer(String payload) {
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(envelope(payload)));
  }

  static String envelope(String payload) {
    return "{\"Header\":{\"Code\":0,\"Message\":\"\",\"RequestID\":\"req-ok-1\"},\"Payload\":" + payload + "}";
  }
}
