package io.github.ivhclient.videomake.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Tells whether a URL's host is this machine, without any network I/O. */
public final class LoopbackHosts {
  private LoopbackHosts() {}

  /** {@code localhost} or a literal loopback address ({@code 127.x.x.x}, {@code [::1]}); never resolves a name. */
  public static boolean isLoopback(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literal addresses: resolving a name here would be network I/O and could lie.
    if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
