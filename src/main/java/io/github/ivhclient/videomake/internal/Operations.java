package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.IvhMalformedResponseException;
import io.github.ivhclient.videomake.TaskSnapshot;
import io.github.ivhclient.videomake.TimbreListing;
import io.github.ivhclient.videomake.api.AssetsApi;
import io.github.ivhclient.videomake.api.VideoMakerApi;
import io.github.ivhclient.videomake.internal.RetryingCaller.Reply;
import io.github.ivhclient.videomake.model.DescribeTimbreRequest;
import io.github.ivhclient.videomake.model.DescribeTimbreResponse;
import io.github.ivhclient.videomake.model.GetProgressRequest;
import io.github.ivhclient.videomake.model.GetProgressResponse;
import io.github.ivhclient.videomake.model.TaskProgress;
import io.github.ivhclient.videomake.model.TimbrePage;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainRequest;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainResponse;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainResult;
import java.time.Duration;
import java.util.List;

/**
 * Every gateway operation the client sends, each described once. A new endpoint is its path in
 * the OpenAPI document (which generates its Retrofit method and models) plus one entry here; the
 * sandbox serves the paths listed in {@link #ALL}.
 */
public final class Operations {
  /** VideoMakeNoTrain: creates a billed task, so it is never repeated once it may have left. */
  public static final Operation<VideoMakeNoTrainRequest, VideoMakeNoTrainResponse, VideoMakeNoTrainResult, String>
      SUBMIT = Operation.of("videoMakeNoTrain", Idempotency.NOT_IDEMPOTENT, VideoMakerApi.class,
          VideoMakerApi::videoMakeNoTrain, VideoMakeNoTrainResponse::getHeader, VideoMakeNoTrainResponse::getPayload,
          (body, reply) -> taskIdOf(reply));

  public static final Operation<GetProgressRequest, GetProgressResponse, TaskProgress, TaskSnapshot> GET_PROGRESS =
      Operation.of("getProgress", Idempotency.READ_ONLY, VideoMakerApi.class,
          VideoMakerApi::getProgress, GetProgressResponse::getHeader, GetProgressResponse::getPayload,
          (body, reply) -> snapshotOf(body.getPayload().getTaskId(), reply.payload(), reply.requestId()));

  public static final Operation<DescribeTimbreRequest, DescribeTimbreResponse, TimbrePage, TimbreListing>
      DESCRIBE_TIMBRE = Operation.of("describeTimbre", Idempotency.READ_ONLY, AssetsApi.class,
          AssetsApi::describeTimbre, DescribeTimbreResponse::getHeader, DescribeTimbreResponse::getPayload,
          (body, reply) -> listingOf(body.getPayload().getPageIndex(), body.getPayload().getPageSize(),
              reply.payload()));

  /** Every operation, in the order of the OpenAPI document. */
  public static final List<Operation<?, ?, ?, ?>> ALL = List.of(SUBMIT, GET_PROGRESS, DESCRIBE_TIMBRE);

  private Operations() {}

  /** The operation with this operationId, or {@code null}. */
  public static Operation<?, ?, ?, ?> byId(String id) {
    return ALL.stream().filter(o -> o.id().equals(id)).findFirst().orElse(null);
  }

  /** The operation sent to this path, or {@code null}. */
  public static Operation<?, ?, ?, ?> byPath(String path) {
    return ALL.stream().filter(o -> o.path().equals(path)).findFirst().orElse(null);
  }

  private static String taskIdOf(Reply<VideoMakeNoTrainResult> reply) {
    String taskId = reply.payload().getTaskId();
    if (taskId == null || taskId.isEmpty()) {
      throw new IvhMalformedResponseException(SUBMIT.id(),
          "no Payload.TaskId in a successful answer", "", reply.requestId(), reply.attempts(), null);
    }
    return taskId;
  }

  /** The facade's view of one progress answer. */
  private static TaskSnapshot snapshotOf(String taskId, TaskProgress p, String requestId) {
    return TaskSnapshot.builder(taskId)
        .requestId(requestId)
        .status(RawStatusProgress.statusText(p))
        .progress(p.getProgress() == null ? 0 : p.getProgress())
        .queuePosition(p.getArrayCount() == null ? 0 : p.getArrayCount())
        .mediaUrl(p.getMediaUrl())
        .subtitlesUrl(p.getSubtitlesUrl())
        .duration(p.getDuration() == null ? Duration.ZERO : Duration.ofMillis(p.getDuration()))
        .failCode(p.getFailCode() == null ? 0 : p.getFailCode())
        .failMessage(p.getFailMessage())
        .build();
  }

  private static TimbreListing listingOf(int pageIndex, int pageSize, TimbrePage page) {
    return new TimbreListing(pageIndex, pageSize, page.getTotal() == null ? 0 : page.getTotal(),
        page.getTimbreAssets() == null ? List.of() : page.getTimbreAssets());
  }
}
