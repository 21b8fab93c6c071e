package io.github.ivhclient.videomake;

import io.github.ivhclient.videomake.model.TimbreAssetDetail;
import java.util.List;

/** One page of the timbre list, and the total over all pages. */
public final class TimbreListing {
  private final int pageIndex;
  private final int pageSize;
  private final int total;
  private final List<TimbreAssetDetail> timbres;

  public TimbreListing(int pageIndex, int pageSize, int total, List<TimbreAssetDetail> timbres) {
    this.pageIndex = pageIndex;
    this.pageSize = pageSize;
    this.total = total;
    this.timbres = List.copyOf(timbres);
  }

  /** The page, from 1. */
  public int pageIndex() {
    return pageIndex;
  }

  public int pageSize() {
    return pageSize;
  }

  /** {@code Total}: timbres over all pages. */
  public int total() {
    return total;
  }

  /** This page's timbres, unmodifiable. */
  public List<TimbreAssetDetail> timbres() {
    return timbres;
  }

  /** Whether a later page may hold more. */
  public boolean hasNextPage() {
    return !timbres.isEmpty() && (long) pageIndex * pageSize < total;
  }

  @Override
  public String toString() {
    return "TimbreListing{pageIndex=" + pageIndex + ", pageSize=" + pageSize + ", total=" + total
        + ", timbres=" + timbres.size() + "}";
  }
}
