package io.github.ivhclient.videomake.internal.media;

import io.github.ivhclient.videomake.internal.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * An HTTP(S) file read with a HEAD (for the size) and then Range requests for the bytes a parser
 * asks for. Redirects are followed here, not by OkHttp, so each hop is counted, limited to
 * http/https, and goes through the {@link AddressGuard} again.
 */
public final class HttpByteSource implements ByteSource {
  private static final Pattern CONTENT_RANGE_TOTAL = Pattern.compile("bytes \\d+-\\d+/(\\d+)");
  /** IPv4, or IPv6 including the mixed form ::ffff:127.0.0.1; OkHttp connects to these without its Dns. */
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F.]*:[0-9a-fA-F:.]*");

  private final OkHttpClient client;
  private final ReadBudget budget;
  private final int maxRedirects;
  private final AddressGuard guard;
  private HttpUrl url;
  private long size = -1;
  private boolean rangeIgnored;

  private HttpByteSource(OkHttpClient client, HttpUrl url, ReadBudget budget, int maxRedirects, AddressGuard guard) {
    this.client = client;
    this.url = url;
    this.budget = budget;
    this.maxRedirects = maxRedirects;
    this.guard = guard;
  }

  /** Sends the HEAD request; its answer gives the size and the final URL after redirects. */
  public static HttpByteSource open(OkHttpClient client, HttpUrl url, ReadBudget budget, int maxRedirects,
      AddressGuard guard) {
    HttpByteSource source = new HttpByteSource(client, url, budget, maxRedirects, guard);
    source.head();
    return source;
  }

  private void head() {
    try (Response response = execute(new Request.Builder().head())) {
      if (response.isSuccessful()) {
        String length = response.header("Content-Length");
        size = length != null && length.matches("\\d{1,18}") ? Long.parseLong(length) : -1;
      } else if (response.code() != 405 && response.code() != 501) {
        // 405/501: some servers answer only GET; the Range reads will tell.
        throw statusError(response.code());
      }
    }
  }

  @Override
  public long size() {
    return size;
  }

  /** True once the server answered a Range request with the whole file (status 200). */
  public boolean rangeIgnored() {
    return rangeIgnored;
  }

  @Override
  public byte[] read(long offset, int length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset " + offset + ", length " + length);
    }
    int wanted = size < 0 ? length : (int) Math.max(0, Math.min(length, size - Math.min(offset, size)));
    if (wanted == 0) {
      return new byte[0];
    }
    if (rangeIgnored && offset > 0) {
      throw noRange();
    }
    budget.charge(wanted);
    Request.Builder request = new Request.Builder().get()
        .header("Range", "bytes=" + offset + "-" + (offset + wanted - 1))
        .header("Accept-Encoding", "identity");
    try (Response response = execute(request)) {
      if (response.code() == 416) {
        return new byte[0];
      }
      if (response.code() == 200) {
        rangeIgnored = true;
        if (offset > 0) {
          throw noRange();
        }
      } else if (response.code() == 206) {
        Matcher total = CONTENT_RANGE_TOTAL.matcher(String.valueOf(response.header("Content-Range")));
        if (size < 0 && total.matches() && total.group(1).length() <= 18) {
          size = Long.parseLong(total.group(1));
        }
      } else {
        throw statusError(response.code());
      }
      return readAtMost(response.body(), wanted);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  private MediaReadException noRange() {
    return new MediaReadException(MediaReadException.Kind.NO_RANGE,
        "the server ignores Range requests (it answered 200 with the whole file), so only the first bytes"
            + " could be read; what the file holds past them was not judged");
  }

  /** At most {@code max} bytes of the body; the rest is never read (closing the response drops it). */
  private static byte[] readAtMost(ResponseBody body, int max) throws IOException {
    byte[] bytes = new byte[max];
    int filled = 0;
    try (InputStream in = body.byteStream()) {
      while (filled < max) {
        int n = in.read(bytes, filled, max - filled);
        if (n < 0) {
          break;
        }
        filled += n;
      }
    }
    return filled == max ? bytes : Arrays.copyOf(bytes, filled);
  }

  /** One request, following at most {@code maxRedirects} http/https redirects; the response is open. */
  private Response execute(Request.Builder request) {
    for (int hop = 0; ; hop++) {
      budget.checkTime();
      checkLiteral(url);
      Call call = client.newCall(request.url(url).build());
      call.timeout().timeout(budget.remaining().toMillis(), TimeUnit.MILLISECONDS);
      Response response;
      try {
        response = call.execute();
      } catch (IOException e) {
        throw failure(e);
      }
      if (!response.isRedirect()) {
        return response;
      }
      String location = response.header("Location");
      response.close();
      HttpUrl next = location == null ? null : url.resolve(location);
      if (next == null) {
        throw new MediaReadException(MediaReadException.Kind.REDIRECT,
            "a redirect (HTTP " + response.code() + ") to a location that is not an http or https URL");
      }
      if (hop + 1 > maxRedirects) {
        throw new MediaReadException(MediaReadException.Kind.REDIRECT,
            "more than " + maxRedirects + " redirects (the gateway may not follow them either)");
      }
      url = next;
    }
  }

  private void checkLiteral(HttpUrl target) {
    String host = target.host();
    if (IP_LITERAL.matcher(host).matches()) {
      try {
        guard.check(host, InetAddress.getByName(host)); // a literal: no lookup happens
      } catch (UnknownHostException e) {
        throw failure(e);
      }
    }
  }

  private MediaReadException statusError(int code) {
    return new MediaReadException(MediaReadException.Kind.HTTP_STATUS,
        "the server answered HTTP " + code + " for " + Redaction.maskUrl(url.toString())
            + "; the gateway must be able to download the file", null, code);
  }

  private static MediaReadException failure(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AddressGuard.RefusedAddressException) {
        return new MediaReadException(MediaReadException.Kind.NON_PUBLIC_ADDRESS, t.getMessage(), e);
      }
      for (Throwable s : t.getSuppressed()) {
        if (s instanceof AddressGuard.RefusedAddressException) {
          return new MediaReadException(MediaReadException.Kind.NON_PUBLIC_ADDRESS, s.getMessage(), e);
        }
      }
    }
    if (e instanceof InterruptedIOException) {
      return new MediaReadException(MediaReadException.Kind.TIMEOUT,
          "the server did not answer within the file's time budget", e);
    }
    return new MediaReadException(MediaReadException.Kind.UNREACHABLE,
        "cannot reach the server (" + e.getClass().getSimpleName() + "); the gateway must be able to download the file", e);
  }

  @Override
  public long bytesRead() {
    return budget.used();
  }

  @Override
  public void close() {
    // Every response is closed after its read; the client belongs to the caller.
  }
}
