package nl.expertpool.milestone.web;

import java.time.Instant;

/** A milestone as clients see it. {@code progress} is null where the milestone has none. */
public record MilestoneView(
    String key, String title, String status, Instant reachedAt, Progress progress) {

  public record Progress(int current, int total, String unit) {}
}
