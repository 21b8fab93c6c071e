package io.github.ivhclient.videomake.cli;

import io.github.ivhclient.videomake.IvhClient;
import io.github.ivhclient.videomake.IvhValidationException;
import io.github.ivhclient.videomake.MediaPreflight;
import io.github.ivhclient.videomake.PreflightReport;
import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.ValidationMode;
import io.github.ivhclient.videomake.ValidationReport;
import io.github.ivhclient.videomake.internal.MessageText;
import io.github.ivhclient.videomake.internal.Operations;
import io.github.ivhclient.videomake.model.SpeechParam;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload.ConcurrencyTypeEnum;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload.DriverTypeEnum;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

@Command(name = "submit", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Submit a VideoMakeNoTrain task and print its TaskId.",
        "The request comes from --request and/or the options below; options override the file's fields.",
        "It is validated first: an invalid request exits 1 and nothing is sent",
        "(--validation warn-only or off sends it anyway).",
        "With --wait: exits 4 when the task ends in FAIL, 5 when --timeout passes first",
        "(with --json, after printing the task's document)."})
final class SubmitCommand implements Callable<Integer> {
  @ParentCommand
  private IvhCli cli;

  @Option(names = "--request", paramLabel = "FILE",
      description = "JSON file with the Payload object or the whole {\"Header\",\"Payload\"} envelope.")
  private Path requestFile;

  @Option(names = "--video", paramLabel = "URL", description = "RefVideoUrl: the template video.")
  private String video;

  @Option(names = "--driver", paramLabel = "TYPE", converter = WireEnumConverter.DriverTypes.class,
      description = "DriverType: Text or OriginalVoice (default: Text with --text, OriginalVoice with --audio).")
  private DriverTypeEnum driver;

  @Option(names = "--text", paramLabel = "SSML", description = "InputSsml: what the video says (DriverType Text).")
  private String text;

  @Option(names = "--audio", paramLabel = "URL", description = "InputAudioUrl: the voice to lip-sync (DriverType OriginalVoice).")
  private String audio;

  @Option(names = "--timbre", paramLabel = "KEY", description = "SpeechParam.TimbreKey: the voice (see 'ivh timbres').")
  private String timbre;

  @Option(names = "--speed", paramLabel = "N", description = "SpeechParam.Speed: 0.5 to 1.5 (default 1.0 with --text).")
  private Double speed;

  @Option(names = "--volume", paramLabel = "N", description = "SpeechParam.Volume: 0 to 10.")
  private Integer volume;

  @Option(names = "--emotion", paramLabel = "CATEGORY", description = "SpeechParam.EmotionCategory (multi-emotion timbres).")
  private String emotion;

  @Option(names = "--emotion-intensity", paramLabel = "N", description = "SpeechParam.EmotionIntensity: 50 to 200.")
  private Integer emotionIntensity;

  @Option(names = "--language", paramLabel = "LANG", description = "SpeechParam.TimbreLanguage (multilingual timbres).")
  private String language;

  @Option(names = "--concurrency", paramLabel = "TYPE", converter = WireEnumConverter.ConcurrencyTypes.class,
      description = "ConcurrencyType: Exclusive or Shared.")
  private ConcurrencyTypeEnum concurrency;

  @Option(names = "--callback", paramLabel = "URL", description = "CallbackUrl: where the gateway POSTs the result once.")
  private String callback;

  @Option(names = "--validation", paramLabel = "MODE", converter = ValidationModeConverter.class,
      description = {"enforce (default): an error stops the request. warn-only: errors are printed as warnings"
          + " and the request is sent. off: only what cannot be sent as written is checked.",
          "For the day the gateway accepts what the API document does not say; a value of the wrong JSON"
              + " type is refused in every mode."})
  private ValidationMode validation = ValidationMode.ENFORCE;

  @Option(names = "--preflight",
      description = "First read the media files the request names and check them ('ivh preflight'); errors exit 1, nothing sent.")
  private boolean preflight;

  @Mixin
  private PreflightCommand.MediaAccess mediaAccess;

  @Option(names = "--wait", description = "Then wait for the task to end, with a progress bar, and print its result URLs.")
  private boolean waitForResult;

  @Mixin
  private TaskWait waiting;

  @Option(names = "--json", description = "Print {\"TaskId\": ...} (with --wait: the result, with the gateway's field names).")
  private boolean json;

  @Override
  public Integer call() {
    VideoMakeNoTrainPayload payload = new VideoMakeNoTrainPayload();
    List<ValidationIssue> readerIssues = List.of();
    if (requestFile != null) {
      RequestFile file = RequestFile.read(requestFile);
      if (file.payload() == null) {
        // Type errors leave no payload to put options on: the file itself must be fixed.
        throw new IvhValidationException(Operations.SUBMIT.id(), file.report());
      }
      payload = file.payload();
      readerIssues = file.readerIssues();
    }
    applyOptions(payload);
    ValidationReport report = Requests.check(payload, readerIssues, validation);
    Requests.requireValid(report);
    for (ValidationIssue warning : report.warnings()) {
      cli.err().println("warning: " + warning);
    }
    if (preflight) {
      preflight(payload);
    }
    try (IvhClient client = cli.client()) {
      String taskId;
      cli.interruption().submitting(json ? cli.out() : null);
      try {
        taskId = client.withValidationMode(validation).submit(payload);
      } finally {
        cli.interruption().done();
      }
      if (!waitForResult || !json) {
        cli.out().println(json ? JsonOutput.taskId(taskId) : taskId);
        requirePrinted(taskId);
      }
      if (waitForResult) {
        TaskWait.print(cli, waiting.await(cli, client, taskId, json, null), json);
      }
    }
    return ExitCode.OK;
  }

  /**
   * A TaskId standard output could not take (a full disk, a closed pipe) goes to standard error:
   * the task exists and is billed, and a script that saw nothing would submit it again.
   */
  private void requirePrinted(String taskId) {
    if (cli.out().checkError()) {
      cli.err().println("ivh: TaskId " + taskId);
      throw new CliException(ExitCode.OUTPUT, "task " + taskId + " was created, but its TaskId could not be"
          + " written to standard output (it is on the line above)");
    }
  }

  /** The media checks before anything is sent: errors stop the submit like validation errors. */
  private void preflight(VideoMakeNoTrainPayload payload) {
    PreflightReport media;
    try (MediaPreflight checker = MediaPreflight.create(mediaAccess.options())) {
      media = checker.check(payload);
    }
    for (ValidationIssue warning : media.warnings()) {
      cli.err().println("warning: " + MessageText.oneLine(warning.toString(), 1000));
    }
    for (String note : media.notes()) {
      cli.err().println("note: " + MessageText.oneLine(note, 1000));
    }
    if (media.isValid()) {
      return;
    }
    if (validation == ValidationMode.ENFORCE) {
      throw new IvhValidationException(Operations.SUBMIT.id(), new ValidationReport(media.errors()));
    }
    // --validation warn-only/off steps past the client's judgement of the media too.
    for (ValidationIssue error : media.errors()) {
      cli.err().println("warning: " + MessageText.oneLine(error.toString(), 1000));
    }
  }

  private void applyOptions(VideoMakeNoTrainPayload payload) {
    set(video, payload::setRefVideoUrl);
    set(text, payload::setInputSsml);
    set(audio, payload::setInputAudioUrl);
    set(callback, payload::setCallbackUrl);
    set(concurrency, payload::setConcurrencyType);
    if (driver != null) {
      payload.setDriverType(driver);
    } else if (text != null && audio == null) {
      payload.setDriverType(DriverTypeEnum.TEXT);
    } else if (audio != null && text == null) {
      payload.setDriverType(DriverTypeEnum.ORIGINAL_VOICE);
    }
    if (timbre != null || speed != null || volume != null || emotion != null || emotionIntensity != null
        || language != null) {
      SpeechParam speech = payload.getSpeechParam() == null ? new SpeechParam() : payload.getSpeechParam();
      set(timbre, speech::setTimbreKey);
      set(speed, speech::setSpeed);
      set(volume, speech::setVolume);
      set(emotion, speech::setEmotionCategory);
      set(emotionIntensity, speech::setEmotionIntensity);
      set(language, speech::setTimbreLanguage);
      payload.setSpeechParam(speech);
    }
    // A text-driven request needs a Speed; 1.0 is the gateway's normal speed.
    if (payload.getDriverType() == DriverTypeEnum.TEXT && payload.getSpeechParam() != null
        && payload.getSpeechParam().getSpeed() == null && requestFile == null) {
      payload.getSpeechParam().setSpeed(1.0);
    }
  }

  /** enforce, warn-only, off (any case; WARN_ONLY too). */
  static final class ValidationModeConverter implements ITypeConverter<ValidationMode> {
    @Override
    public ValidationMode convert(String value) {
      String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      for (ValidationMode mode : ValidationMode.values()) {
        if (mode.name().equals(name)) {
          return mode;
        }
      }
      throw new TypeConversionException("'" + value + "' is not enforce, warn-only or off");
    }
  }

  private static <T> void set(T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }
}
