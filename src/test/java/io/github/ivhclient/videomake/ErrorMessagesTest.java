package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

/** Exception messages are one short line, whatever the server sent; the body stays in the excerpt. */
class ErrorMessagesTest extends StubbedGatewayTest {
  private static final String HTML_502 = """
      <html>
      <head><title>502 Bad Gateway</title></head>
      <body>
      <center><h1>502 Bad Gateway</h1></center>
      <hr><center>nginx</center>
      </body>
      </html>
      """;

  @Override
  IvhClient.Builder configure(IvhClient.Builder builder) {
    return builder.retryPolicy(RetryPolicy.none());
  }

  @Test
  void anHtmlErrorPageIsQuotedOnOneLineAndKeptWholeInTheExcerpt() {
    server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html").setBody(HTML_502));

    IvhHttpException e = (IvhHttpException) catchThrowable(() -> client.getProgress(Stub.TASK_ID));

    assertThat(e.getMessage()).isEqualTo("getProgress: HTTP 502: <html> <head><title>502 Bad Gateway</title></head>"
        + " <body> <center><h1>502 Bad Gateway</h1></center> <hr><center>nginx</center> </body> </html>");
    assertThat(e.bodyExcerpt()).isEqualTo(HTML_502);
  }

  @Test
  void aLongBodyIsCutToTwoHundredCharactersInTheMessageOnly() {
    String body = "word\t\t".repeat(100);

    IvhHttpException e = new IvhHttpException("getProgress", 500, body, null, 1);

    assertThat(e.getMessage()).isEqualTo("getProgress: HTTP 500: " + "word ".repeat(40).substring(0, 200) + "…");
    assertThat(e.bodyExcerpt()).isEqualTo(body);
  }

  @Test
  void unicodeLineSeparatorsAndControlCharactersBecomeOneSpace() {
    IvhHttpException e = new IvhHttpException("getProgress", 503, "  a\u2028b\r\n\u0000c\u00A0\u3000d  ", null, 1);

    assertThat(e.getMessage()).isEqualTo("getProgress: HTTP 503: a b c d");
  }

  @Test
  void theGatewaysEnvelopeIsSaidLikeAServiceError() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Content-Type", "application/json").setBody("""
        {
          "Header": {"Code": 40001, "Message": "RequestLimitExceeded:\\n too many requests", "RequestID": "req-429"},
          "Payload": {}
        }"""));

    IvhHttpException e = (IvhHttpException) catchThrowable(() -> client.getProgress(Stub.TASK_ID));

    assertThat(e.getMessage())
        .isEqualTo("getProgress: HTTP 429, Header.Code=40001: RequestLimitExceeded: too many requests (RequestID req-429)");
    assertThat(e.statusCode()).isEqualTo(429);
    assertThat(e.bodyExcerpt()).startsWith("{\n  \"Header\"");
  }

  @Test
  void anEnvelopeWithoutAMessageGivesTheCodeAlone() {
    IvhHttpException e = new IvhHttpException("describeTimbre", 403, "{\"Header\":{\"Code\":10010}}", null, 1);

    assertThat(e.getMessage()).isEqualTo("describeTimbre: HTTP 403, Header.Code=10010");
  }

  @Test
  void anEnvelopeWithCodeZeroOrCutShortIsQuotedAsText() {
    IvhHttpException zero = new IvhHttpException("getProgress", 500,
        "{\"Header\":{\"Code\":0},\n\"error\":\"upstream\"}", null, 1);
    IvhHttpException cut = new IvhHttpException("getProgress", 500, "{\"Header\":{\"Code\":7,\"Message\":\"x", null, 1);

    assertThat(zero.getMessage()).isEqualTo("getProgress: HTTP 500: {\"Header\":{\"Code\":0}, \"error\":\"upstream\"}");
    assertThat(cut.getMessage()).isEqualTo("getProgress: HTTP 500: {\"Header\":{\"Code\":7,\"Message\":\"x");
  }

  @Test
  void anEnvelopeMessageIsCutAndMaskedToo() {
    String message = "bad call https://x.example/p?appkey\\u003dAKIDsecret ".repeat(10);
    IvhHttpException e = new IvhHttpException("getProgress", 400,
        "{\"Header\":{\"Code\":4000,\"Message\":\"" + message + "\"}}", null, 1);

    assertThat(e.getMessage()).startsWith("getProgress: HTTP 400, Header.Code=4000: bad call https://x.example/p?appkey=****")
        .doesNotContain("AKIDsecret").endsWith("…");
    assertThat(e.getMessage().length()).isLessThanOrEqualTo("getProgress: HTTP 400, Header.Code=4000: ".length() + 201);
  }

  @Test
  void aSubmitsFiveHundredStillSaysTheTaskMayExist() {
    IvhHttpException e = new IvhHttpException("videoMakeNoTrain", 502, HTML_502, null, 1);

    assertThat(e.getMessage()).doesNotContain("\n").endsWith("</html>; the task may or may not have been created"
        + " (not retried: a submit is not idempotent)");
  }

  @Test
  void aMalformedResponseSaysWhyOnOneShortLine() {
    IvhMalformedResponseException e = new IvhMalformedResponseException("getProgress",
        "Expected one of [COMMIT, MAKING]\n  but was\r\n" + "x".repeat(300), "", "req-1", 1, null);

    assertThat(e.getMessage()).startsWith("getProgress: malformed response: Expected one of [COMMIT, MAKING] but was xxx")
        .doesNotContain("\n").doesNotContain("\r").endsWith("… (RequestID req-1)");
    assertThat(e.getMessage()).hasSizeLessThan(260);
  }
}
