package bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Side-by-side per-call latencies on a machine whose load changes by the second: the contenders
 * take turns in short slices, round after round, so every one sees the same load. JMH runs one
 * benchmark after the other, and on a shared machine its ratios measure the neighbours as much as
 * the code; these are the ratios the summary reports (JMH's own are in results.json beside them).
 */
final class Interleaved {
  private Interleaved() {}

  /** Median latency in microseconds of each contender, calls alternating in slices of {@code sliceMillis}. */
  static Map<String, Double> medians(Map<String, Callable<?>> contenders, int rounds, long sliceMillis)
      throws Exception {
    Map<String, long[]> samples = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String name : contenders.keySet()) {
      samples.put(name, new long[1 << 16]);
      counts.put(name, 0);
    }
    for (int round = -2; round < rounds; round++) { // two rounds of warm-up, not recorded
      for (Map.Entry<String, Callable<?>> contender : contenders.entrySet()) {
        long sliceEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(sliceMillis);
        long[] times = samples.get(contender.getKey());
        int n = counts.get(contender.getKey());
        while (System.nanoTime() < sliceEnd) {
          long started = System.nanoTime();
          contender.getValue().call();
          long elapsed = System.nanoTime() - started;
          if (round >= 0 && n < times.length) {
            times[n++] = elapsed;
          }
        }
        counts.put(contender.getKey(), n);
      }
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    for (String name : contenders.keySet()) {
      long[] times = Arrays.copyOf(samples.get(name), counts.get(name));
      Arrays.sort(times);
      medians.put(name, times.length == 0 ? Double.NaN : times[times.length / 2] / 1e3);
    }
    return medians;
  }
}
