package io.github.ivhclient.videomake;

import io.github.ivhclient.videomake.model.PurchaseType;
import java.util.Objects;

/** Optional filters of the timbre list. {@link #none()} lists everything. */
public final class TimbreFilter {
  private static final TimbreFilter NONE = builder().build();

  private final String timbreKey;
  private final String timbreName;
  private final PurchaseType purchaseType;

  private TimbreFilter(Builder b) {
    this.timbreKey = b.timbreKey;
    this.timbreName = b.timbreName;
    this.purchaseType = b.purchaseType;
  }

  public static TimbreFilter none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Exact key, or {@code null}. */
  public String timbreKey() {
    return timbreKey;
  }

  /** Part of the name (the gateway matches fuzzily), or {@code null}. */
  public String timbreName() {
    return timbreName;
  }

  /** {@code Lease} or {@code Custom}, or {@code null}. */
  public PurchaseType purchaseType() {
    return purchaseType;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimbreFilter f && Objects.equals(timbreKey, f.timbreKey)
        && Objects.equals(timbreName, f.timbreName) && purchaseType == f.purchaseType;
  }

  @Override
  public int hashCode() {
    return Objects.hash(timbreKey, timbreName, purchaseType);
  }

  @Override
  public String toString() {
    return "TimbreFilter{timbreKey=" + timbreKey + ", timbreName=" + timbreName + ", purchaseType=" + purchaseType + "}";
  }

  public static final class Builder {
    private String timbreKey;
    private String timbreName;
    private PurchaseType purchaseType;

    private Builder() {}

    public Builder timbreKey(String timbreKey) {
      this.timbreKey = timbreKey;
      return this;
    }

    public Builder timbreName(String timbreName) {
      this.timbreName = timbreName;
      return this;
    }

    public Builder purchaseType(PurchaseType purchaseType) {
      this.purchaseType = purchaseType;
      return this;
    }

    public TimbreFilter build() {
      return new TimbreFilter(this);
    }
  }
}
