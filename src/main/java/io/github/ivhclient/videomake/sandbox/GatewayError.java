package io.github.ivhclient.videomake.sandbox;

/** A refusal as the gateway sends it: HTTP 200 with a non-zero {@code Header.Code} and a message. */
record GatewayError(int code, String message) {
  static GatewayError of(int code, String message) {
    return new GatewayError(code, message);
  }
}
