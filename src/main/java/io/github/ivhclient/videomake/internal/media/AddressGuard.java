package io.github.ivhclient.videomake.internal.media;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Predicate;
import okhttp3.Connection;
import okhttp3.Dns;
import okhttp3.Interceptor;

/**
 * The guard against server-side request forgery: media URLs come from requests other people wrote,
 * so by default only public addresses are fetched. It checks the addresses a name resolves to
 * ({@link #dns}), literal addresses before a request ({@link #check}), and the address a connection
 * actually reached before any byte is sent ({@link #networkInterceptor}); redirects go through all
 * three again because every hop is a new request.
 */
public final class AddressGuard {
  private final Predicate<InetAddress> alsoAllowed;

  /** @param alsoAllowed addresses let through although not public ({@code a -> true} turns the guard off) */
  public AddressGuard(Predicate<InetAddress> alsoAllowed) {
    this.alsoAllowed = alsoAllowed;
  }

  /** Thrown (as an {@link IOException}, so OkHttp passes it through) when an address is refused. */
  public static final class RefusedAddressException extends UnknownHostException {
    RefusedAddressException(String message) {
      super(message);
    }
  }

  public void check(String host, InetAddress address) throws RefusedAddressException {
    if (!isPublic(address) && !alsoAllowed.test(address)) {
      throw new RefusedAddressException(host + " resolves to " + address.getHostAddress()
          + ", which is not a public address (loopback, link-local, private, multicast or reserved);"
          + " preflight refuses to fetch it unless the caller allows it");
    }
  }

  /** A resolver that refuses a name when any of its addresses is not allowed. */
  public Dns dns(Dns delegate) {
    return host -> {
      List<InetAddress> addresses = delegate.lookup(host);
      for (InetAddress address : addresses) {
        check(host, address);
      }
      return addresses;
    };
  }

  /** Checks the peer of the connection just made, before the request is written to it. */
  public Interceptor networkInterceptor() {
    return chain -> {
      Connection connection = chain.connection();
      if (connection != null) {
        InetSocketAddress peer = connection.route().socketAddress();
        InetAddress address = peer.getAddress() != null ? peer.getAddress() : connection.socket().getInetAddress();
        check(chain.request().url().host(), address);
      }
      return chain.proceed(chain.request());
    };
  }

  /** Public unicast: not loopback, link-local, private, unique-local, multicast, CGNAT or reserved. */
  public static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPublicV4(b);
    }
    if (address instanceof Inet6Address) {
      // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::/96) carry an IPv4 address.
      boolean zeroPrefix = allZero(b, 0, 10);
      if (zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff
          || allZero(b, 0, 12)
          || (b[0] == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
              && allZero(b, 4, 12))) {
        return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
      }
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return false; // fc00::/7 unique local
      }
      if (first == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
        return false; // 2001:db8::/32 documentation
      }
      return true;
    }
    return false;
  }

  private static boolean isPublicV4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    return !(a0 == 0 || a0 == 10 || a0 == 127 || a0 >= 224
        || (a0 == 100 && a1 >= 64 && a1 <= 127)
        || (a0 == 169 && a1 == 254)
        || (a0 == 172 && a1 >= 16 && a1 <= 31)
        || (a0 == 192 && a1 == 168)
        || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2))
        || (a0 == 198 && (a1 == 18 || a1 == 19))
        || (a0 == 198 && a1 == 51 && a2 == 100)
        || (a0 == 203 && a1 == 0 && a2 == 113));
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
