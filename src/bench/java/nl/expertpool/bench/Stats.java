package nl.expertpool.bench;

import java.util.Arrays;

final class Stats {

  private Stats() {}

  /** The nearest-rank percentile of the values (0 when there are none). */
  static double percentile(long[] values, double percent) {
    if (values.length == 0) {
      return 0;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
