package io.github.ivhclient.videomake.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ivhclient.videomake.IvhClient;
import io.github.ivhclient.videomake.IvhServiceException;
import io.github.ivhclient.videomake.TaskSnapshot;
import io.github.ivhclient.videomake.TaskState;
import io.github.ivhclient.videomake.TimbreFilter;
import io.github.ivhclient.videomake.TimbreListing;
import io.github.ivhclient.videomake.VideoMakeRequests;
import io.github.ivhclient.videomake.model.PurchaseType;
import io.github.ivhclient.videomake.model.TimbreAssetDetail;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The public facade against Prism, for every operation; Prism checks each request it sends. */
@ExtendWith(PrismExtension.class)
class IvhClientIT {
  private static final String TEMPLATE = "https://cdn.example.com/template.mp4";
  private static final String TASK_ID = "81883d47c6154edf8e276531f09227b6";

  /** One connection pool and dispatcher for every client of this class (a client does not close a shared one). */
  private static final OkHttpClient HTTP = new OkHttpClient();

  private static PrismServer prism;

  @BeforeAll
  static void prism(PrismServer server) {
    prism = server;
  }

  @Test
  void submitsTextAndAudioDrivenTasks() {
    try (IvhClient client = client(HTTP)) {
      assertThat(client.submit(VideoMakeRequests.textDriven(TEMPLATE, "Hello, world", "female_1", 1.0)))
          .isEqualTo(TASK_ID);
      assertThat(client.submit(VideoMakeRequests.audioDriven(TEMPLATE, "https://cdn.example.com/voice.mp3")))
          .isEqualTo(TASK_ID);
      assertThat(client.submitAsync(VideoMakeRequests.textDriven(TEMPLATE, "Hello, world", "female_1", 1.5)).join())
          .isEqualTo(TASK_ID);
    }
  }

  @Test
  void readsEveryProgressState() {
    try (IvhClient client = client(HTTP)) {
      TaskSnapshot queued = client.getProgress(TASK_ID);
      assertThat(queued.state()).isEqualTo(TaskState.QUEUED);
      assertThat(queued.queuePosition()).isEqualTo(3);
    }
    try (IvhClient client = client(prefer("example=making"))) {
      TaskSnapshot making = client.getProgress(TASK_ID);
      assertThat(making.state()).isEqualTo(TaskState.MAKING);
      assertThat(making.progress()).isEqualTo(42);
    }
    try (IvhClient client = client(prefer("example=success"))) {
      TaskSnapshot success = client.getProgressAsync(TASK_ID).join();
      assertThat(success.state()).isEqualTo(TaskState.SUCCESS);
      assertThat(success.mediaUrl()).endsWith("/result/81883d47.mp4");
      assertThat(success.duration()).isEqualTo(Duration.ofMillis(12480));
    }
    try (IvhClient client = client(prefer("example=failure"))) {
      TaskSnapshot failure = client.getProgress(TASK_ID);
      assertThat(failure.state()).isEqualTo(TaskState.FAIL);
      assertThat(failure.failCode()).isEqualTo(2001);
      assertThat(failure.failMessage()).isEqualTo("no face was found in the template video");
    }
  }

  @Test
  void listsTimbresByPageAndAsAStream() {
    try (IvhClient client = client(HTTP)) {
      TimbreFilter leased = TimbreFilter.builder().timbreName("female").purchaseType(PurchaseType.LEASE).build();

      TimbreListing page = client.listTimbres(1, 20, leased);
      List<TimbreAssetDetail> all = client.timbres(TimbreFilter.none()).toList();

      assertThat(page.total()).isEqualTo(2);
      assertThat(page.hasNextPage()).isFalse();
      assertThat(page.timbres()).extracting(TimbreAssetDetail::getTimbreKey)
          .containsExactly("female_1", "emotional_male");
      assertThat(client.listTimbresAsync(1, 100, TimbreFilter.none()).join().timbres()).hasSize(2);
      assertThat(all).extracting(TimbreAssetDetail::getTimbreKey).containsExactly("female_1", "emotional_male");
    }
  }

  @Test
  void aBusinessErrorBecomesIvhServiceException() {
    try (IvhClient client = client(prefer("example=unauthorized"))) {
      assertThatThrownBy(() -> client.submit(VideoMakeRequests.textDriven(TEMPLATE, "Hello, world", "female_1", 1.0)))
          .isInstanceOfSatisfying(IvhServiceException.class, e -> {
            assertThat(e.code()).isEqualTo(100001);
            assertThat(e.serviceMessage()).startsWith("UnauthorizedOperation");
            assertThat(e.requestId()).isEqualTo("0b3c1e9d2f5a4c6e8a7b9d0c1e2f3a4b");
            assertThat(e.operation()).isEqualTo("videoMakeNoTrain");
          });
    }
  }

  private static IvhClient client(OkHttpClient http) {
    return IvhClient.builder()
        .appKey(ContractClients.APP_KEY)
        .accessToken(ContractClients.ACCESS_TOKEN)
        .endpoint(prism.baseUrl())
        .okHttpClient(http)
        .build();
  }

  /** Picks Prism's answer; the facade adds its own signing interceptor on top. */
  private static OkHttpClient prefer(String prefer) {
    return HTTP.newBuilder()
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("Prefer", prefer).build()))
        .build();
  }
}
