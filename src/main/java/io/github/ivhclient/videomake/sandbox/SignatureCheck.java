package io.github.ivhclient.videomake.sandbox;

import io.github.ivhclient.videomake.internal.RequestSigner;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks a request's signed query the way the gateway does: {@code appkey}, {@code timestamp}
 * (Unix seconds, within {@link SandboxGateway#TIMESTAMP_WINDOW} of the clock) and {@code signature}
 * (the published HMAC-SHA256, URL-encoded Base64), compared in constant time.
 */
final class SignatureCheck {
  private final byte[] appKey;
  private final String accessToken;
  private final Clock clock;

  SignatureCheck(String appKey, String accessToken, Clock clock) {
    this.appKey = appKey.getBytes(StandardCharsets.UTF_8);
    this.accessToken = accessToken;
    this.clock = clock;
  }

  /** {@code null} when the query is correctly signed, else the gateway-style refusal. */
  GatewayError check(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        if (name == null || value == null) {
          return GatewayError.of(SandboxGateway.CODE_SIGNATURE_FAILURE,
              "AuthFailure.SignatureFailure: the query is not correctly URL-encoded");
        }
        if (params.put(name, value) != null) {
          return GatewayError.of(SandboxGateway.CODE_SIGNATURE_FAILURE,
              "AuthFailure.SignatureFailure: query parameter " + name + " appears more than once");
        }
      }
    }
    String key = params.get(RequestSigner.APPKEY);
    String timestamp = params.get(RequestSigner.TIMESTAMP);
    String signature = params.get(RequestSigner.SIGNATURE);
    if (isBlank(key) || isBlank(timestamp) || isBlank(signature)) {
      return GatewayError.of(SandboxGateway.CODE_MISSING_AUTH_PARAMETER,
          "AuthFailure.MissingParameter: the query must carry appkey, timestamp and signature");
    }
    if (!MessageDigest.isEqual(appKey, key.getBytes(StandardCharsets.UTF_8))) {
      return GatewayError.of(SandboxGateway.CODE_UNKNOWN_APPKEY,
          "UnauthorizedOperation: unauthorized operation: No project was created for this appkey");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return GatewayError.of(SandboxGateway.CODE_SIGNATURE_EXPIRED,
          "AuthFailure.SignatureExpire: timestamp is not Unix seconds");
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
    if (skew > SandboxGateway.TIMESTAMP_WINDOW.getSeconds()) {
      return GatewayError.of(SandboxGateway.CODE_SIGNATURE_EXPIRED,
          "AuthFailure.SignatureExpire: timestamp is " + Duration.ofSeconds(skew).toMinutes()
              + " min away from the server time (allowed: " + SandboxGateway.TIMESTAMP_WINDOW.toMinutes() + " min)");
    }
    String expected = RequestSigner.signature(RequestSigner.stringToSign(params), accessToken);
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))) {
      return GatewayError.of(SandboxGateway.CODE_SIGNATURE_FAILURE,
          "AuthFailure.SignatureFailure: the signature does not match the request");
    }
    return null;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
