package io.github.ivhclient.videomake.sandbox;

/** A refusal to answer with: HTTP 200 and a non-zero code, unless the status says otherwise. */
final class Refusal extends Exception {
  private static final long serialVersionUID = 1L;

  final int httpStatus;
  final transient GatewayError error;

  Refusal(GatewayError error) {
    this(200, error);
  }

  Refusal(int httpStatus, GatewayError error) {
    super(error.message(), null, false, false);
    this.httpStatus = httpStatus;
    this.error = error;
  }

  /** A body that is not JSON, or not the request's envelope. */
  static Refusal invalidParameter(String message) {
    return new Refusal(GatewayError.of(SandboxGateway.CODE_INVALID_PARAMETER, "InvalidParameter: " + message));
  }
}
