package io.github.ivhclient.videomake;

import java.io.IOException;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh MockWebServer and a client pointed at it for each test. */
abstract class StubbedGatewayTest {
  protected MockWebServer server;
  protected IvhClient client;

  /** Adjusts the client each test starts with. */
  IvhClient.Builder configure(IvhClient.Builder builder) {
    return builder;
  }

  @BeforeEach
  void startStub() throws IOException {
    server = new MockWebServer();
    server.start();
    client = configure(Stub.client(server)).build();
  }

  @AfterEach
  void stopStub() throws IOException {
    client.close();
    server.shutdown();
  }
}
