package io.github.ivhclient.videomake;

import io.github.ivhclient.videomake.internal.Redaction;
import io.github.ivhclient.videomake.internal.media.AddressGuard;
import io.github.ivhclient.videomake.internal.media.ByteSource;
import io.github.ivhclient.videomake.internal.media.FileByteSource;
import io.github.ivhclient.videomake.internal.media.HttpByteSource;
import io.github.ivhclient.videomake.internal.media.MediaReadException;
import io.github.ivhclient.videomake.internal.media.MediaRules;
import io.github.ivhclient.videomake.internal.media.MediaSniffer;
import io.github.ivhclient.videomake.internal.media.MediaTimeRules;
import io.github.ivhclient.videomake.internal.media.ReadBudget;
import io.github.ivhclient.videomake.internal.media.Sniffed;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Checks the media files a VideoMakeNoTrain request names against the API document's limits
 * before a task is queued: container and codec (from the bytes, never the name), size,
 * resolution, duration with the ConcurrencyType allowances, and the request's times against the
 * video's length. It needs no credentials: it reads the media, not the gateway.
 *
 * <p>Remote files are read with a HEAD and Range requests, within a byte and time budget per
 * file; by default only public addresses are fetched (see {@link PreflightOptions}).
 *
 * <pre>{@code
 * try (MediaPreflight preflight = MediaPreflight.create()) {
 *   PreflightReport report = preflight.check(payload);
 *   report.errors().forEach(System.out::println);
 * }
 * }</pre>
 */
public final class MediaPreflight implements AutoCloseable {
  private final PreflightOptions options;
  private final AddressGuard guard;
  private final OkHttpClient http;

  private MediaPreflight(PreflightOptions options) {
    this.options = options;
    this.guard = new AddressGuard(options.allowedNonPublicAddresses());
    PreflightOptions.HostResolver resolver = options.resolver();
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        // Redirects are followed by HttpByteSource, hop by hop, through the guard.
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false)
        // The guard must see the address connected to, so no proxy stands in between.
        .proxy(Proxy.NO_PROXY)
        .dns(guard.dns(resolver::resolve))
        .addNetworkInterceptor(guard.networkInterceptor())
        .connectTimeout(options.timePerFile().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(options.timePerFile().toMillis(), TimeUnit.MILLISECONDS);
    if (options.socketFactory() != null) {
      builder.socketFactory(options.socketFactory());
    }
    this.http = builder.build();
  }

  public static MediaPreflight create() {
    return create(PreflightOptions.defaults());
  }

  public static MediaPreflight create(PreflightOptions options) {
    return new MediaPreflight(Objects.requireNonNull(options, "options"));
  }

  /** Reads every media URL of {@code payload} and judges it; never throws for unreadable or malformed media. */
  public PreflightReport check(VideoMakeNoTrainPayload payload) {
    Objects.requireNonNull(payload, "payload");
    Map<String, String> urls = new LinkedHashMap<>();
    put(urls, MediaRules.VIDEO, payload.getRefVideoUrl());
    put(urls, MediaRules.AUDIO, payload.getInputAudioUrl());
    put(urls, MediaRules.PHOTO, payload.getVideoParam() == null ? null : payload.getVideoParam().getRefPhotoUrl());
    put(urls, MediaRules.WRITTEN, payload.getIdentityWrittenUrl());
    put(urls, MediaRules.ID_VIDEO, payload.getIdentityVideoUrl());
    List<ValidationIssue> issues = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    MediaRules.Findings findings = new MediaRules.Findings() {
      @Override
      public void add(ValidationIssue issue) {
        issues.add(issue);
      }

      @Override
      public void note(String text) {
        notes.add(text);
      }
    };
    Map<String, MediaInfo> media = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : urls.entrySet()) {
      Read read = read(entry.getValue());
      media.put(entry.getKey(), read.info);
      if (read.failure != null) {
        findings.add(MediaRules.unreadable(entry.getKey(), read.failure));
      }
      if (read.info.container().isPresent() || read.failure == null) {
        MediaRules.file(entry.getKey(), read.info, payload.getConcurrencyType(), findings);
      }
    }
    MediaTimeRules.crossField(payload, media.get(MediaRules.VIDEO), media.get(MediaRules.AUDIO), findings);
    return new PreflightReport(issues, notes, media);
  }

  /** What one file holds; a file that cannot be read gives a {@link MediaInfo} whose problems say why. */
  public MediaInfo probe(String fileOrUrl) {
    return read(Objects.requireNonNull(fileOrUrl, "fileOrUrl")).info;
  }

  private static void put(Map<String, String> urls, String path, String url) {
    if (url != null && !url.isBlank()) {
      urls.put(path, url.strip());
    }
  }

  private record Read(MediaInfo info, MediaReadException failure) {}

  private Read read(String location) {
    ReadBudget budget = new ReadBudget(options.maxBytesPerFile(), options.timePerFile());
    Sniffed sniffed = new Sniffed();
    MediaReadException failure = null;
    long size = -1;
    long used = 0;
    try (ByteSource source = open(location, budget)) {
      size = source.size();
      try {
        MediaSniffer.sniff(source, sniffed);
      } finally {
        size = source.size();
        used = source.bytesRead();
      }
    } catch (MediaReadException e) {
      failure = e;
      used = budget.used();
    }
    List<String> problems = new ArrayList<>(sniffed.problems);
    if (failure != null) {
      problems.add(0, failure.getMessage());
    }
    MediaInfo info = new MediaInfo.Builder()
        .source(Redaction.maskUrl(location))
        .container(sniffed.container)
        .codecs(sniffed.videoCodec, sniffed.audioCodec)
        .dimensions(sniffed.width, sniffed.height)
        .duration(sniffed.durationMillis < 0 ? null : Duration.ofMillis(sniffed.durationMillis), sniffed.durationEstimated)
        .size(size)
        .bytesRead(used)
        .problems(problems)
        .build();
    return new Read(info, failure);
  }

  private ByteSource open(String location, ReadBudget budget) {
    String lower = location.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      HttpUrl url = HttpUrl.parse(location);
      if (url == null) {
        throw new MediaReadException(MediaReadException.Kind.UNSUPPORTED_URL, "not a valid http or https URL");
      }
      return HttpByteSource.open(http, url, budget, options.maxRedirects(), guard);
    }
    Path path;
    try {
      if (lower.startsWith("file:")) {
        path = Path.of(URI.create(location));
      } else if (lower.matches("[a-z][a-z0-9+.-]*://.*")) {
        throw new MediaReadException(MediaReadException.Kind.UNSUPPORTED_URL,
            "only http, https and file URLs (or local paths) can be read");
      } else {
        path = Path.of(location);
      }
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      throw new MediaReadException(MediaReadException.Kind.UNSUPPORTED_URL, "not a readable file URL or path", e);
    }
    if (!options.allowLocalFiles()) {
      throw new MediaReadException(MediaReadException.Kind.UNSUPPORTED_URL, "a local file is not read unless"
          + " the caller allows it (PreflightOptions.allowLocalFiles); the gateway needs an http or https URL");
    }
    return FileByteSource.open(path, budget);
  }

  /** Releases the HTTP connection pool and threads. */
  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
