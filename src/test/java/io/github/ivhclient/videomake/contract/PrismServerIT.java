package io.github.ivhclient.videomake.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ivhclient.videomake.model.GetProgressPayload;
import io.github.ivhclient.videomake.model.GetProgressRequest;
import io.github.ivhclient.videomake.model.GetProgressResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import retrofit2.Response;

@ExtendWith(PrismExtension.class)
class PrismServerIT {
  private static final List<PrismServer> INJECTED = new ArrayList<>();

  @Test
  void theSharedServerAnswersSignedRequests(PrismServer prism) throws IOException {
    INJECTED.add(prism);
    Response<GetProgressResponse> response = ContractClients.videoMaker(prism, ContractClients.http())
        .getProgress(new GetProgressRequest().header(Map.of()).payload(new GetProgressPayload().taskId("t1")))
        .execute();

    assertThat(response.code()).isEqualTo(200);
    assertThat(response.body().getHeader().getCode()).isZero();
  }

  @Test
  void everyTestOfTheRunGetsTheSameServer(PrismServer prism) {
    INJECTED.add(prism);
    assertThat(prism.isAlive()).isTrue();
    assertThat(INJECTED).allSatisfy(p -> assertThat(p).isSameAs(prism));
  }

  @Test
  void theExtensionHandsOutTheJvmWideSharedServer(PrismServer prism) {
    assertThat(PrismServer.shared()).isSameAs(prism);
  }

  @Test
  void unsignedRequestsAreRejected(PrismServer prism) throws IOException {
    Response<GetProgressResponse> response = ContractClients.videoMaker(prism, new okhttp3.OkHttpClient())
        .getProgress(new GetProgressRequest().header(Map.of()).payload(new GetProgressPayload().taskId("t1")))
        .execute();

    assertThat(response.code()).isEqualTo(401);
  }

  @Test
  void closeStopsPrismAndFreesItsPort(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("prism.log");
    PrismServer own = PrismServer.builder().logFile(log).start();
    ProcessHandle prism = ProcessHandle.of(own.pid()).orElseThrow();

    own.close();
    own.close();

    assertThat(own.isAlive()).isFalse();
    assertThat(prism.isAlive()).isFalse();
    assertThatThrownBy(() -> new Socket("127.0.0.1", own.port()).close()).isInstanceOf(ConnectException.class);
    assertThat(Files.readString(log)).contains("mock").contains("--errors").contains("--seed")
        .contains("Prism is listening");
  }

  /** A stand-in for node_modules/.bin/prism that leaves a grandchild behind, as a wrapper script may. */
  @Test
  @DisabledOnOs(OS.WINDOWS)
  void closeStopsTheDescendantsToo(@TempDir Path project) throws Exception {
    Path bin = Files.createDirectories(project.resolve("node_modules/.bin"));
    Path server = bin.resolve("FakePrism.java");
    Files.writeString(server, """
        public class FakePrism {
          public static void main(String[] args) throws Exception {
            var http = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
            http.createContext("/", exchange -> { exchange.sendResponseHeaders(404, -1); exchange.close(); });
            http.start();
          }
        }
        """);
    Path fake = bin.resolve("prism");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // Arguments: mock <spec> --errors -h <host> -p <port> --seed <seed>
    Files.writeString(fake, "#!/bin/sh\nsleep 600 &\nexec '" + java + "' '" + server + "' \"$7\"\n");
    fake.toFile().setExecutable(true);
    PrismServer own = PrismServer.builder().projectDir(project).start();
    ProcessHandle root = ProcessHandle.of(own.pid()).orElseThrow();
    List<ProcessHandle> descendants = root.descendants().toList();
    assertThat(descendants).isNotEmpty();

    own.close();

    assertThat(root.isAlive()).isFalse();
    assertThat(descendants).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void aBrokenSpecFailsTheStartWithThePathOfTheLog(@TempDir Path dir) {
    Path log = dir.resolve("prism.log");
    PrismServer.Builder builder = PrismServer.builder()
        .spec(dir.resolve("missing.yaml"))
        .logFile(log)
        .startTimeout(Duration.ofSeconds(60));

    assertThatThrownBy(builder::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Prism exited")
        .hasMessageContaining(log.toString());
  }
}
