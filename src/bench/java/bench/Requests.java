package bench;

import io.github.ivhclient.videomake.VideoMakeRequests;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;

/** The document's text-driven example (openapi/ivh-videomake.yaml, example textDriven). */
final class Requests {
  static final String VIDEO = "http://virtualhuman-cos-test-1251316161.cos.ap-nanjing.myqcloud.com/ref_video.mp4";
  static final String SSML = "Hello, I am the virtual <phoneme alphabet=\"py\" ph=\"fu4\">anchor</phoneme>";
  static final String TASK_ID = "0123456789abcdef0123456789abcdef";
  static final String APP_KEY = "bench-appkey";
  static final String ACCESS_TOKEN = "bench-access-token";

  private Requests() {}

  static VideoMakeNoTrainPayload textDriven() {
    VideoMakeNoTrainPayload payload = VideoMakeRequests.textDriven(VIDEO, SSML, "female_1", 1.0);
    payload.getSpeechParam().volume(1);
    return payload;
  }

  static bench.stock.model.VideoMakeNoTrainPayload stockTextDriven() {
    return new bench.stock.model.VideoMakeNoTrainPayload()
        .refVideoUrl(VIDEO)
        .driverType(bench.stock.model.VideoMakeNoTrainPayload.DriverTypeEnum.TEXT)
        .inputSsml(SSML)
        .speechParam(new bench.stock.model.SpeechParam().timbreKey("female_1").speed(1.0).volume(1));
  }
}
