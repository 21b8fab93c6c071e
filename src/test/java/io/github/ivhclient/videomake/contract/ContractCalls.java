package io.github.ivhclient.videomake.contract;

import com.squareup.moshi.Moshi;
import io.github.ivhclient.videomake.internal.JsonSupport;
import io.github.ivhclient.videomake.model.DescribeTimbreRequest;
import io.github.ivhclient.videomake.model.DescribeTimbreResponse;
import io.github.ivhclient.videomake.model.GetProgressRequest;
import io.github.ivhclient.videomake.model.GetProgressResponse;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainRequest;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainResponse;
import java.io.IOException;
import okhttp3.OkHttpClient;
import retrofit2.Response;

/**
 * One call of an operation through its generated Retrofit method: the request is the generated
 * model read from JSON with {@link JsonSupport#moshi()}, the answer is parsed by the same Moshi
 * and written back to JSON so a test can compare it.
 */
final class ContractCalls {
  static final String SUBMIT = "videoMakeNoTrain";
  static final String PROGRESS = "getProgress";
  static final String TIMBRES = "describeTimbre";

  /** A Text request that sets every field, each to a valid value. */
  static final String FULL_SUBMIT = """
      {"Header": {}, "Payload": {
        "RefVideoUrl": "https://cdn.example.com/template.mp4",
        "DriverType": "Text",
        "IdentityWrittenUrl": "https://cdn.example.com/consent.pdf",
        "IdentityVideoUrl": "https://cdn.example.com/consent.mp4",
        "InputAudioUrl": "https://cdn.example.com/voice.mp3",
        "InputSsml": "Hello, I am the virtual <phoneme alphabet=\\"py\\" ph=\\"fu4\\">anchor</phoneme>",
        "SpeechParam": {"Speed": 1.0, "TimbreKey": "female_1", "Volume": 5, "EmotionCategory": "happy",
                        "EmotionIntensity": 100, "TimbreLanguage": "en"},
        "ConcurrencyType": "Shared",
        "VideoLoop": 0,
        "VideoParametersConsistent": 1,
        "CallbackUrl": "https://hooks.example.com/ivh?ivh_token=abc",
        "VideoParam": {"RefPhotoUrl": "https://cdn.example.com/face.jpg", "DisableIdDetect": 0,
                       "DisableOcclusionDetect": 1, "EnableFakeTeeth": 0, "MakeType": "Custom",
                       "StartTime": 1.5, "EndTime": 8.25,
                       "DisableIntervals": [{"StartTime": 2, "EndTime": 3}, {"StartTime": 4.5, "EndTime": 5.125}]}
      }}""";
  static final String PROGRESS_QUERY = """
      {"Header": {}, "Payload": {"TaskId": "81883d47c6154edf8e276531f09227b6"}}""";
  static final String TIMBRE_QUERY = """
      {"Header": {}, "Payload": {"PageIndex": 1, "PageSize": 20, "TimbreKey": "female_1",
                                 "TimbreName": "female", "PurchaseType": "Lease"}}""";

  private ContractCalls() {}

  /** The valid request of the operation that sets the most fields. */
  static String validRequest(String operation) {
    return switch (operation) {
      case SUBMIT -> FULL_SUBMIT;
      case PROGRESS -> PROGRESS_QUERY;
      case TIMBRES -> TIMBRE_QUERY;
      default -> throw new IllegalArgumentException(operation);
    };
  }

  /** The HTTP status, the parsed body (null unless 2xx) written back as JSON, and the error body. */
  record Result(int code, Object body, String json, String errorBody) {}

  static Result call(PrismServer prism, OkHttpClient http, String operation, String requestJson) throws IOException {
    Moshi moshi = JsonSupport.moshi();
    return switch (operation) {
      case SUBMIT -> result(ContractClients.videoMaker(prism, http)
          .videoMakeNoTrain(moshi.adapter(VideoMakeNoTrainRequest.class).fromJson(requestJson)).execute(),
          VideoMakeNoTrainResponse.class);
      case PROGRESS -> result(ContractClients.videoMaker(prism, http)
          .getProgress(moshi.adapter(GetProgressRequest.class).fromJson(requestJson)).execute(),
          GetProgressResponse.class);
      case TIMBRES -> result(ContractClients.assets(prism, http)
          .describeTimbre(moshi.adapter(DescribeTimbreRequest.class).fromJson(requestJson)).execute(),
          DescribeTimbreResponse.class);
      default -> throw new IllegalArgumentException(operation);
    };
  }

  private static <T> Result result(Response<T> response, Class<T> type) throws IOException {
    if (!response.isSuccessful()) {
      return new Result(response.code(), null, null, response.errorBody() == null ? "" : response.errorBody().string());
    }
    T body = response.body();
    return new Result(response.code(), body, JsonSupport.moshi().adapter(type).toJson(body), null);
  }
}
