package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.ivhclient.videomake.model.TimbreAssetDetail;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** {@link IvhClient#timbres}: pages of 100 fetched one by one as the stream is consumed. */
class TimbresStreamTest extends StubbedGatewayTest {
  private static final Pattern PAGE_INDEX = Pattern.compile("\"PageIndex\"\\s*:\\s*(\\d+)");
  private static final Pattern PAGE_SIZE = Pattern.compile("\"PageSize\"\\s*:\\s*(\\d+)");
  private static final int TOTAL = 250;

  /** {@code PageIndex/PageSize} of every request, in arrival order (the dispatcher consumes the bodies). */
  private final List<String> requestedPages = new CopyOnWriteArrayList<>();

  /** Serves {@value #TOTAL} timbres by PageIndex/PageSize; {@code failingPage} answers with a business error. */
  private void serveTimbres(int failingPage) {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String body = request.getBody().readUtf8();
        int index = number(PAGE_INDEX, body);
        int size = number(PAGE_SIZE, body);
        requestedPages.add(index + "/" + size);
        if (index == failingPage) {
          return Stub.serviceError(1003, "page " + index + " is broken");
        }
        String timbres = IntStream.range((index - 1) * size, Math.min(index * size, TOTAL))
            .mapToObj(i -> "{\"TimbreKey\":\"t" + i + "\",\"TimbreName\":\"Timbre " + i + "\"}")
            .collect(Collectors.joining(","));
        return Stub.json(Stub.envelope("req-page-" + index, "{\"Total\":" + TOTAL + ",\"TimbreAssets\":[" + timbres + "]}"));
      }
    });
  }

  @Test
  void fetchesNothingUntilConsumedThenExactlyThreePages() throws InterruptedException {
    serveTimbres(-1);

    Stream<TimbreAssetDetail> stream = client.timbres(TimbreFilter.none());
    TimeUnit.MILLISECONDS.sleep(100);
    assertThat(server.getRequestCount()).isZero();

    List<String> keys = stream.map(TimbreAssetDetail::getTimbreKey).toList();

    assertThat(keys).hasSize(TOTAL).doesNotHaveDuplicates().startsWith("t0", "t1").endsWith("t249");
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(requestedPages).containsExactly("1/100", "2/100", "3/100");
  }

  @Test
  void fetchesTheNextPageOnlyWhenThePreviousIsUsedUp() {
    serveTimbres(-1);

    Iterator<TimbreAssetDetail> timbres = client.timbres(TimbreFilter.none()).iterator();
    for (int i = 0; i < IvhClient.MAX_PAGE_SIZE; i++) {
      timbres.next();
    }
    assertThat(server.getRequestCount()).isEqualTo(1);

    assertThat(timbres.next().getTimbreKey()).isEqualTo("t100");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aFailingPageThrowsItsIvhExceptionFromTheStream() {
    serveTimbres(2);
    List<String> seen = new ArrayList<>();

    Throwable e = catchThrowable(() -> client.timbres(TimbreFilter.none())
        .forEach(timbre -> seen.add(timbre.getTimbreKey())));

    assertThat(e).isInstanceOfSatisfying(IvhServiceException.class, service -> {
      assertThat(service.code()).isEqualTo(1003);
      assertThat(service.operation()).isEqualTo("describeTimbre");
      assertThat(service.requestId()).isEqualTo("req-error");
    });
    assertThat(seen).hasSize(IvhClient.MAX_PAGE_SIZE);
    assertThat(requestedPages).containsExactly("1/100", "2/100");
  }

  @Test
  void anEmptyListingEndsAfterOneRequest() {
    server.enqueue(Stub.json(Stub.envelope("req-empty", "{\"Total\":0,\"TimbreAssets\":[]}")));

    assertThat(client.timbres(TimbreFilter.none()).count()).isZero();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  private static int number(Pattern pattern, String body) {
    Matcher m = pattern.matcher(body);
    if (!m.find()) {
      throw new AssertionError("no " + pattern + " in " + body);
    }
    return Integer.parseInt(m.group(1));
  }
}
