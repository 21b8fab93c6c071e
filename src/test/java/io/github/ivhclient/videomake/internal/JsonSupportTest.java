package io.github.ivhclient.videomake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonDataException;
import io.github.ivhclient.videomake.model.GetProgressResponse;
import io.github.ivhclient.videomake.model.SpeechParam;
import io.github.ivhclient.videomake.model.TaskStatus;
import io.github.ivhclient.videomake.model.TimbreAssetDetail;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainRequest;
import io.github.ivhclient.videomake.model.VideoParam;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSupportTest {

  @Test
  void requestsUseWireNamesAndEnumValues() {
    VideoMakeNoTrainRequest request =
        new VideoMakeNoTrainRequest()
            .header(Map.of())
            .payload(
                new VideoMakeNoTrainPayload()
                    .refVideoUrl("https://example.com/v.mp4")
                    .driverType(VideoMakeNoTrainPayload.DriverTypeEnum.TEXT)
                    .videoLoop(VideoMakeNoTrainPayload.VideoLoopEnum.FORWARD_SPLICING)
                    .speechParam(new SpeechParam().speed(1.0).timbreKey("female_1"))
                    .videoParam(new VideoParam().makeType(VideoParam.MakeTypeEnum.CUSTOM_ONLY_START)));

    String json = JsonSupport.moshi().adapter(VideoMakeNoTrainRequest.class).toJson(request);

    assertThat(json)
        .contains("\"Header\":{}")
        .contains("\"DriverType\":\"Text\"")
        .contains("\"VideoLoop\":1")
        .contains("\"MakeType\":\"CustomOnlyStart\"")
        .contains("\"Speed\":1.0")
        .doesNotContain("DisableIntervals")
        .doesNotContain("Volume")
        .doesNotContain("VideoParametersConsistent")
        .doesNotContain("DisableIdDetect")
        .doesNotContain("null");
  }

  @Test
  void unknownEnumValuesAndUnknownFieldsAreTolerated() throws Exception {
    String body =
        "{\"Header\":{\"Code\":0,\"RequestID\":\"r1\",\"New\":true},"
            + "\"Payload\":{\"Status\":\"PAUSED\",\"Progress\":5,\"Extra\":{\"a\":[1]}}}";

    GetProgressResponse response = JsonSupport.moshi().adapter(GetProgressResponse.class).fromJson(body);

    assertThat(response.getHeader().getRequestID()).isEqualTo("r1");
    assertThat(response.getPayload().getStatus()).isEqualTo(TaskStatus.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(response.getPayload().getProgress()).isEqualTo(5);
  }

  @Test
  void integerEnumsReadNumbersAndRejectStrings() throws Exception {
    var adapter = JsonSupport.moshi().adapter(TimbreAssetDetail.class);

    assertThat(adapter.fromJson("{\"TimbreGender\":2}").getTimbreGender())
        .isEqualTo(TimbreAssetDetail.TimbreGenderEnum.FEMALE);
    assertThat(adapter.fromJson("{\"TimbreGender\":7}").getTimbreGender())
        .isEqualTo(TimbreAssetDetail.TimbreGenderEnum.NUMBER_unknown_default_open_api);
    assertThatThrownBy(() -> adapter.fromJson("{\"TimbreGender\":\"x\"}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("$.TimbreGender");
  }

  @Test
  void gsonIsNotOnTheRuntimeClasspath() {
    assertThatThrownBy(() -> Class.forName("com.google.gson.Gson"))
        .isInstanceOf(ClassNotFoundException.class);
  }
}
