package io.github.ivhclient.videomake.internal;

import com.squareup.moshi.JsonAdapter;
import io.github.ivhclient.videomake.IvhMalformedResponseException;
import io.github.ivhclient.videomake.TimbreListing;
import io.github.ivhclient.videomake.model.TimbreAssetDetail;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams every timbre of a listing, fetching a page at a time as the stream is consumed, bounded
 * whatever the gateway answers: it ends at the last page by {@code Total}, an empty page, or a
 * page that brings no timbre not already streamed; a timbre repeated on a later page is streamed
 * once, and a listing longer than {@code maxPages} pages ends with an
 * {@link IvhMalformedResponseException}.
 */
public final class TimbrePager implements Iterator<TimbreAssetDetail> {
  private static final JsonAdapter<TimbreAssetDetail> TIMBRE_JSON = JsonSupport.moshi().adapter(TimbreAssetDetail.class);

  private final IntFunction<TimbreListing> fetch;
  private final int maxPages;
  /** What was streamed, as JSON: the generated model has no equals. */
  private final Set<String> streamed = new HashSet<>();
  private TimbreListing page;
  private List<TimbreAssetDetail> fresh = List.of();
  private int index;
  private boolean ended;

  private TimbrePager(IntFunction<TimbreListing> fetch, int maxPages) {
    this.fetch = fetch;
    this.maxPages = maxPages;
  }

  /** The timbres of the pages {@code fetch} gives by index from 1, lazily; a page's failure is thrown from the stream. */
  public static Stream<TimbreAssetDetail> stream(IntFunction<TimbreListing> fetch, int maxPages) {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(
        new TimbrePager(fetch, maxPages), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  @Override
  public boolean hasNext() {
    while (index == fresh.size() && !ended) {
      if (page != null && !page.hasNextPage()) {
        ended = true;
        break;
      }
      int next = page == null ? 1 : page.pageIndex() + 1;
      if (next > maxPages) {
        ended = true;
        throw new IvhMalformedResponseException(Operations.DESCRIBE_TIMBRE.id(), "the listing goes on past "
            + maxPages + " pages (Total " + page.total() + "); stopped there", "", null, 1, null);
      }
      page = fetch.apply(next);
      fresh = page.timbres().stream().filter(t -> streamed.add(TIMBRE_JSON.toJson(t))).toList();
      index = 0;
      ended = fresh.isEmpty();
    }
    return index < fresh.size();
  }

  @Override
  public TimbreAssetDetail next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return fresh.get(index++);
  }
}
