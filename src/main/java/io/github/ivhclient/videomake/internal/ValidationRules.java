package io.github.ivhclient.videomake.internal;

import java.util.List;
import java.util.Optional;

/**
 * Every rule the client checks before a request leaves, each with the words of the API document
 * ({@code VideoMakeNoTrain-api.txt}, the parameter table) it rests on. Quotes are the document's;
 * a source outside the table (the SSML specification it refers to, the gateway's JSON envelope)
 * is named.
 */
public final class ValidationRules {
  private ValidationRules() {}

  private static final String P = "Payload.";
  private static final String SPEECH = "Payload.SpeechParam.";
  private static final String VIDEO = "Payload.VideoParam.";
  private static final String INTERVAL = "Payload.VideoParam.DisableIntervals[].";
  private static final String[] URLS = {P + "RefVideoUrl", P + "IdentityWrittenUrl", P + "IdentityVideoUrl",
      P + "InputAudioUrl", P + "CallbackUrl", VIDEO + "RefPhotoUrl"};

  // ---- The request as a whole, and the wire format (enforced in every mode)

  public static final Rule PAYLOAD_REQUIRED = Rule.wireFormat("required",
      "Request body {\"Header\":{},\"Payload\":{...}} (gateway documentation 1211/62085)", "Payload");
  public static final Rule TYPE = Rule.wireFormat("type",
      "The table's Type column: string, int, float, object, Array of [DisableInterval]", "Payload", "Payload.*");
  public static final Rule WELL_FORMED_UNICODE = Rule.wireFormat("wellFormedUnicode",
      "Content-Type: application/json;charset=utf-8 (gateway documentation 1211/62085): UTF-8 cannot carry"
          + " an unpaired surrogate", "Payload.*");
  public static final Rule UNKNOWN_ENUM = Rule.wireFormat("enum",
      "DriverType: \"1. Text-driven ... 2. OriginalVoice\"; ConcurrencyType: \"1. Exclusive ... 2. Shared ..."
          + " 3. Leave blank\"; MakeType: \"Default ... Custom ... Circle ... CustomOnlyStart\"; VideoLoop:"
          + " \"0: Reverse splicing, 1: Forward splicing\"; VideoParametersConsistent, DisableIdDetect,"
          + " DisableOcclusionDetect, EnableFakeTeeth: \"0 ... 1\". A value this client does not know"
          + " cannot be sent as written",
      P + "DriverType", P + "ConcurrencyType", P + "VideoLoop", P + "VideoParametersConsistent",
      VIDEO + "MakeType", VIDEO + "DisableIdDetect", VIDEO + "DisableOcclusionDetect", VIDEO + "EnableFakeTeeth");
  public static final Rule UNKNOWN_FIELD = Rule.warning("unknownField",
      "The table lists every field of the request; it does not say what the gateway does with others: it may"
          + " ignore them or refuse the request", "Header.*", "Payload.*");
  public static final Rule NULL_ITEM = Rule.wireFormat("required",
      "VideoParam.DisableIntervals: \"Array of [DisableInterval]\": an item is an object, not null",
      VIDEO + "DisableIntervals[]");

  // ---- Required fields

  public static final Rule REQUIRED = Rule.error("required",
      "RefVideoUrl: \"This field is required.\"; DriverType: \"This field is required.\"",
      P + "RefVideoUrl", P + "DriverType");
  public static final Rule REQUIRED_WHEN_TEXT = Rule.error("requiredWhenText",
      "InputSsml: \"This field is required when DriverType is empty or Text.\"; SpeechParam, SpeechParam.Speed,"
          + " SpeechParam.TimbreKey: \"This field is required when DriverType is Text.\"",
      P + "InputSsml", P + "SpeechParam", SPEECH + "Speed", SPEECH + "TimbreKey");
  public static final Rule REQUIRED_WHEN_ORIGINAL_VOICE = Rule.error("requiredWhenOriginalVoice",
      "InputAudioUrl: \"This field is required when DriverType is OriginalVoice.\"", P + "InputAudioUrl");

  // ---- Values

  public static final Rule URL_PATTERN = Rule.error("absoluteHttpUrl",
      "RefVideoUrl: \"Template video URL.\"; InputAudioUrl: \"The audio URL\"; CallbackUrl: \"sent ... via a POST"
          + " request to the URL address\"; the other *Url fields: a file's URL. The gateway fetches them over"
          + " HTTP: the scheme must be http or https", URLS);
  public static final Rule URL_SYNTAX = Rule.error("urlSyntax",
      "The same sentences: the value must be a URL an HTTP client can fetch (what OkHttp's HttpUrl parses: a"
          + " host, a valid port)", URLS);
  public static final Rule URL_WHITESPACE = Rule.warning("urlWhitespace",
      "The same sentences; the document does not say how the gateway reads white space or control characters"
          + " in a URL: it may trim or encode them, or fail to download", URLS);
  public static final Rule FILE_EXTENSION = Rule.warning("fileExtension",
      "RefVideoUrl: \"Support muxing formats: mp4, mov, avi\"; InputAudioUrl: \"Supported formats: wav, mp3, wma,"
          + " m4a, aac, ogg\"; IdentityWrittenUrl: \"PDF authorization letter in PDF format\"; IdentityVideoUrl:"
          + " \"in mp4 format\"; RefPhotoUrl: \"Format support: jpg, jpeg, png, bmp, webp\". The name of a URL"
          + " need not show its format: the gateway may still accept the file",
      P + "RefVideoUrl", P + "InputAudioUrl", P + "IdentityWrittenUrl", P + "IdentityVideoUrl", VIDEO + "RefPhotoUrl");
  public static final Rule SSML_MIN_LENGTH = Rule.error("minLength",
      "InputSsml: \"at least 4 characters (counted as unicode characters)\"", P + "InputSsml");
  public static final Rule SSML_MAX_LENGTH = Rule.error("maxLength",
      "InputSsml: \"The upper limit is 2000 characters\"", P + "InputSsml");
  public static final Rule SSML_LINE_BREAK = Rule.error("pattern",
      "InputSsml: \"Content must not include line breaks.\" (every Unicode line terminator: LF, VT, FF, CR, NEL,"
          + " LS, PS)", P + "InputSsml");
  public static final Rule CALLBACK_MAX_LENGTH = Rule.error("maxLength",
      "CallbackUrl: \"Limit CallbackUrl length less than 1000.\"", P + "CallbackUrl");
  public static final Rule SPEED_RANGE_MIN = Rule.error("minimum",
      "SpeechParam.Speed: \"range [0.5-1.5]\"", SPEECH + "Speed");
  public static final Rule SPEED_RANGE_MAX = Rule.error("maximum",
      "SpeechParam.Speed: \"range [0.5-1.5]\"", SPEECH + "Speed");
  public static final Rule TIMBRE_KEY_BLANK = Rule.warning("blankTimbreKey",
      "SpeechParam.TimbreKey: \"Voice type key. This field is required when DriverType is Text.\" The document"
          + " does not say whether a blank key counts as filled in: it names no voice, and the gateway may use a"
          + " default voice or fail the task", SPEECH + "TimbreKey");
  public static final Rule VOLUME_MIN = Rule.error("minimum",
      "SpeechParam.Volume: \"Volume level, ranging from 0 to 10.\"", SPEECH + "Volume");
  public static final Rule VOLUME_MAX = Rule.error("maximum",
      "SpeechParam.Volume: \"Volume level, ranging from 0 to 10.\"", SPEECH + "Volume");
  public static final Rule EMOTION_INTENSITY_MIN = Rule.error("minimum",
      "SpeechParam.EmotionIntensity: \"with a range of [50,200]\"", SPEECH + "EmotionIntensity");
  public static final Rule EMOTION_INTENSITY_MAX = Rule.error("maximum",
      "SpeechParam.EmotionIntensity: \"with a range of [50,200]\"", SPEECH + "EmotionIntensity");
  public static final Rule NEGATIVE_TIME = Rule.warning("negativeTime",
      "StartTime: \"Start time in seconds ... the generated video will start from this position\"; EndTime:"
          + " \"End time, in seconds\"; DisableInterval: \"segment start time, in seconds\", \"segment end time,"
          + " in seconds\". The document gives no lower bound; a negative time is before the video starts: the"
          + " gateway may read it as 0 or fail the task",
      VIDEO + "StartTime", VIDEO + "EndTime", INTERVAL + "StartTime", INTERVAL + "EndTime");
  public static final Rule INTERVALS_MAX_ITEMS = Rule.error("maxItems",
      "VideoParam.DisableIntervals: \"(currently support a maximum of 5 segments)\"", VIDEO + "DisableIntervals");

  // ---- Between fields

  public static final Rule SEGMENT_LONGER_THAN_5S = Rule.error("segmentLongerThan5s",
      "MakeType: \"Custom: Specify video segment. Fill in StartTime and EndTime to select a recording clip (must be"
          + " greater than 5s).\"", VIDEO + "EndTime");
  public static final Rule CUSTOM_DEFAULT_TIME = Rule.warning("customDefaultTime",
      "StartTime: \"if not filled in, the video will start from the default start time\"; EndTime: \"if not filled"
          + " in, the default selection is the end time of the selected video clips\"; MakeType Custom: \"Fill in"
          + " StartTime and EndTime\". The default applies; the gateway may also refuse the task",
      VIDEO + "StartTime", VIDEO + "EndTime");
  public static final Rule INTERVALS_CHRONOLOGICAL = Rule.error("chronological",
      "VideoParam.DisableIntervals: \"The list must be in chronological order, otherwise task submission fails.\"",
      INTERVAL + "StartTime");
  public static final Rule INTERVAL_START_BEFORE_END = Rule.error("startBeforeEnd",
      "VideoParam.DisableIntervals: \"The list must be in chronological order, otherwise task submission fails.\""
          + " An interval that ends before it starts is out of order", INTERVAL + "EndTime");
  public static final Rule INTERVALS_OVERLAP = Rule.warning("intervalsOverlap",
      "VideoParam.DisableIntervals asks only for \"chronological order\"; it does not say whether intervals may"
          + " overlap: the gateway may merge them or fail the task", INTERVAL + "StartTime");
  public static final Rule INTERVAL_ZERO_LENGTH = Rule.warning("zeroLengthInterval",
      "DisableInterval: \"No drive segment start time\", \"No drive segment end time\"; the document does not say"
          + " what an empty segment does: the gateway may ignore it or fail the task", INTERVAL + "EndTime");
  public static final Rule INTERVAL_END_MISSING = Rule.warning("intervalEndMissing",
      "DisableInterval: StartTime and EndTime are both \"No\" (optional) and no default is named: the gateway"
          + " chooses the missing end (e.g. the start or the end of the video) or fails the task",
      INTERVAL + "StartTime", INTERVAL + "EndTime");
  public static final Rule DECIMALS = Rule.warning("decimals",
      "StartTime, EndTime, DisableInterval times: \"in seconds (3 decimal places)\", a precision, not a"
          + " prohibition: the value is sent as written; the gateway may round it",
      VIDEO + "StartTime", VIDEO + "EndTime", INTERVAL + "StartTime", INTERVAL + "EndTime");

  // ---- Parameters the gateway does not use

  public static final Rule SPEED_WITH_ORIGINAL_VOICE = Rule.warning("ignoredWithOriginalVoice",
      "SpeechParam.Speed: \"Speech rate control is not effective when DriverType is set to audio-driven type\"",
      SPEECH + "Speed");
  public static final Rule SSML_WITH_ORIGINAL_VOICE = Rule.warning("inputSsmlWithOriginalVoice",
      "InputSsml: \"This field is required when DriverType is empty or Text.\" The document does not say what the"
          + " gateway does with text when DriverType is OriginalVoice: it may ignore it", P + "InputSsml");
  public static final Rule EMOTION_INTENSITY_WITHOUT_CATEGORY = Rule.warning("ignoredWithoutEmotionCategory",
      "SpeechParam.EmotionIntensity: \"This is only effective when EmotionCategory is not empty.\"",
      SPEECH + "EmotionIntensity");
  public static final Rule VOLUME_FIXED_TIMBRE = Rule.warning("volumeIgnoredByTimbre",
      "SpeechParam.Volume: \"TimbreKey does not support audio volume adjustment between male_1-20 and"
          + " female_1-23\"", SPEECH + "Volume");
  public static final Rule IGNORED_BY_MAKE_TYPE = Rule.warning("ignoredByMakeType",
      "MakeType: \"Default: ... StartTime and EndTime are disabled\"; \"Circle: ... (EndTime does not take"
          + " effect), and at this point VideoLoop parameter is disabled\"; \"CustomOnlyStart: ... EndTime does not"
          + " take effect, at this point VideoLoop parameter is disabled\"",
      VIDEO + "StartTime", VIDEO + "EndTime", P + "VideoLoop");
  public static final Rule PHOTO_WITH_DISABLE_ID_DETECT = Rule.warning("ignoredWithDisableIdDetect",
      "VideoParam.DisableIdDetect: \"1: Disable face ID trace. After disabling, the face ID parameter"
          + " (VideoParam.RefPhotoUrl) becomes invalid.\"", VIDEO + "RefPhotoUrl");

  // ---- InputSsml markup (SsmlChecker)

  private static final String SSML_SPEC = "InputSsml: \"Supported tag types refer to Digital Human SSML Markup"
      + " Language Specification\" (gateway documentation 1211/65921): ";
  public static final Rule SSML_WELL_FORMED = Rule.error("ssmlWellFormed",
      "InputSsml: \"Broadcast Text content supports SSML tags. ... Symbols must be escaped.\"", P + "InputSsml");
  public static final Rule SSML_PHONEME = Rule.error("ssmlPhoneme",
      SSML_SPEC + "<phoneme alphabet=\"py\" ph=\"...\">: alphabet py, ph pinyin with a tone digit 1-5, text only",
      P + "InputSsml");
  public static final Rule SSML_PHONEME_ONE_CHARACTER = Rule.warning("ssmlPhoneme",
      SSML_SPEC + "<phoneme> gives the pronunciation of one character; the gateway may read more text"
          + " differently", P + "InputSsml");
  public static final Rule SSML_BREAK = Rule.error("ssmlBreak",
      SSML_SPEC + "<break/> is self-closing; time a number with ms or s; strength x-weak, weak, medium, strong or"
          + " x-strong", P + "InputSsml");
  public static final Rule SSML_WORD = Rule.error("ssmlWord",
      SSML_SPEC + "<word> wraps one word or phrase", P + "InputSsml");
  public static final Rule SSML_TAG = Rule.warning("ssmlTag",
      SSML_SPEC + "the documented tags are phoneme, break and word; the gateway may reject or read aloud others",
      P + "InputSsml");

  // ---- The other operations (IvhClient)

  public static final Rule TASK_ID_REQUIRED = Rule.error("required",
      "Progress query: \"TaskId\" (gateway documentation 1211/62088)", "Payload.TaskId");
  public static final Rule PAGE_INDEX_MIN = Rule.error("minimum",
      "Timbre list: \"PageIndex\", numbered from 1 (gateway documentation 1211/62129)", "Payload.PageIndex");
  public static final Rule PAGE_SIZE_MIN = Rule.error("minimum",
      "Timbre list: \"PageSize\", at least one timbre a page (gateway documentation 1211/62129)", "Payload.PageSize");
  public static final Rule PAGE_SIZE_MAX = Rule.error("maximum",
      "Timbre list: \"PageSize\", at most 100 (gateway documentation 1211/62129)", "Payload.PageSize");

  /** Every rule, in the order of the rules table. */
  public static final List<Rule> ALL = List.of(
      PAYLOAD_REQUIRED, TYPE, WELL_FORMED_UNICODE, UNKNOWN_ENUM, NULL_ITEM, UNKNOWN_FIELD,
      REQUIRED, REQUIRED_WHEN_TEXT, REQUIRED_WHEN_ORIGINAL_VOICE,
      URL_PATTERN, URL_SYNTAX, URL_WHITESPACE, FILE_EXTENSION,
      SSML_MIN_LENGTH, SSML_MAX_LENGTH, SSML_LINE_BREAK, CALLBACK_MAX_LENGTH,
      SPEED_RANGE_MIN, SPEED_RANGE_MAX, TIMBRE_KEY_BLANK, VOLUME_MIN, VOLUME_MAX,
      EMOTION_INTENSITY_MIN, EMOTION_INTENSITY_MAX, NEGATIVE_TIME, INTERVALS_MAX_ITEMS,
      SEGMENT_LONGER_THAN_5S, CUSTOM_DEFAULT_TIME, INTERVALS_CHRONOLOGICAL, INTERVAL_START_BEFORE_END,
      INTERVALS_OVERLAP, INTERVAL_ZERO_LENGTH, INTERVAL_END_MISSING, DECIMALS,
      SPEED_WITH_ORIGINAL_VOICE, SSML_WITH_ORIGINAL_VOICE, EMOTION_INTENSITY_WITHOUT_CATEGORY,
      VOLUME_FIXED_TIMBRE, IGNORED_BY_MAKE_TYPE, PHOTO_WITH_DISABLE_ID_DETECT,
      SSML_WELL_FORMED, SSML_PHONEME, SSML_PHONEME_ONE_CHARACTER, SSML_BREAK, SSML_WORD, SSML_TAG,
      TASK_ID_REQUIRED, PAGE_INDEX_MIN, PAGE_SIZE_MIN, PAGE_SIZE_MAX);

  /**
   * The rule behind a finding of the schema's constraints (Bean Validation) or of the reader:
   * the rule with that id which covers the path.
   */
  public static Optional<Rule> find(String id, String path) {
    return ALL.stream().filter(r -> r.id().equals(id) && r.covers(path)).findFirst();
  }
}
