package io.github.ivhclient.videomake;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import javax.net.SocketFactory;

/**
 * How {@link MediaPreflight} reads media: the byte and time budget of each file, how many redirects
 * it follows, which addresses and local files it may read.
 *
 * <p>The defaults suit a service that checks requests its users wrote: only public addresses are
 * fetched (checked after DNS resolution, on the address connected to, and on every redirect hop),
 * and local files are refused. {@code ivh preflight} allows both, for the user's own files.
 *
 * <pre>{@code
 * PreflightOptions options = PreflightOptions.builder()
 *     .maxBytesPerFile(4 * 1024 * 1024)
 *     .timePerFile(Duration.ofSeconds(20))
 *     .build();
 * }</pre>
 */
public final class PreflightOptions {
  /** Resolves a host name; the default is the system resolver. */
  @FunctionalInterface
  public interface HostResolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;
  }

  private final long maxBytesPerFile;
  private final Duration timePerFile;
  private final int maxRedirects;
  private final Predicate<InetAddress> allowedNonPublicAddresses;
  private final boolean allowLocalFiles;
  private final HostResolver resolver;
  private final SocketFactory socketFactory;

  private PreflightOptions(Builder b) {
    this.maxBytesPerFile = b.maxBytesPerFile;
    this.timePerFile = b.timePerFile;
    this.maxRedirects = b.maxRedirects;
    this.allowedNonPublicAddresses = b.allowedNonPublicAddresses;
    this.allowLocalFiles = b.allowLocalFiles;
    this.resolver = b.resolver;
    this.socketFactory = b.socketFactory;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static PreflightOptions defaults() {
    return builder().build();
  }

  public long maxBytesPerFile() {
    return maxBytesPerFile;
  }

  public Duration timePerFile() {
    return timePerFile;
  }

  public int maxRedirects() {
    return maxRedirects;
  }

  /** Addresses fetched although not public; by default none. */
  public Predicate<InetAddress> allowedNonPublicAddresses() {
    return allowedNonPublicAddresses;
  }

  public boolean allowLocalFiles() {
    return allowLocalFiles;
  }

  public HostResolver resolver() {
    return resolver;
  }

  /** {@code null}: the JVM's default. */
  public SocketFactory socketFactory() {
    return socketFactory;
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxBytesPerFile = maxBytesPerFile;
    b.timePerFile = timePerFile;
    b.maxRedirects = maxRedirects;
    b.allowedNonPublicAddresses = allowedNonPublicAddresses;
    b.allowLocalFiles = allowLocalFiles;
    b.resolver = resolver;
    b.socketFactory = socketFactory;
    return b;
  }

  public static final class Builder {
    private long maxBytesPerFile = 2L * 1024 * 1024;
    private Duration timePerFile = Duration.ofSeconds(30);
    private int maxRedirects = 5;
    private Predicate<InetAddress> allowedNonPublicAddresses = address -> false;
    private boolean allowLocalFiles;
    private HostResolver resolver = host -> List.of(InetAddress.getAllByName(host));
    private SocketFactory socketFactory;

    private Builder() {}

    /** Bytes read at most from one file (default 2 MiB): enough for an MP4 index at the end of a long clip. */
    public Builder maxBytesPerFile(long bytes) {
      if (bytes < 64 * 1024) {
        throw new IllegalArgumentException("maxBytesPerFile must be at least 65536, was " + bytes);
      }
      this.maxBytesPerFile = bytes;
      return this;
    }

    /** Time at most for one file, redirects and all (default 30 s). */
    public Builder timePerFile(Duration time) {
      Objects.requireNonNull(time, "time");
      if (time.isNegative() || time.isZero()) {
        throw new IllegalArgumentException("timePerFile must be positive, was " + time);
      }
      this.timePerFile = time;
      return this;
    }

    /** Redirects followed at most (default 5), http and https only. */
    public Builder maxRedirects(int count) {
      if (count < 0 || count > 20) {
        throw new IllegalArgumentException("maxRedirects must be 0 to 20, was " + count);
      }
      this.maxRedirects = count;
      return this;
    }

    /** Fetches loopback, link-local, private and other non-public addresses too (tests, the sandbox, a user's own files). */
    public Builder allowNonPublicAddresses() {
      this.allowedNonPublicAddresses = address -> true;
      return this;
    }

    /** Fetches these non-public addresses too, e.g. a CDN on a private network. */
    public Builder allowNonPublicAddresses(Predicate<InetAddress> allowed) {
      this.allowedNonPublicAddresses = Objects.requireNonNull(allowed, "allowed");
      return this;
    }

    /** Reads local paths and {@code file:} URLs (default: refused, since requests may come from other people). */
    public Builder allowLocalFiles(boolean allow) {
      this.allowLocalFiles = allow;
      return this;
    }

    public Builder resolver(HostResolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    public Builder socketFactory(SocketFactory socketFactory) {
      this.socketFactory = Objects.requireNonNull(socketFactory, "socketFactory");
      return this;
    }

    public PreflightOptions build() {
      return new PreflightOptions(this);
    }
  }
}
