package nl.expertpool.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of a project's stakeholder session. Organisations, not people: the invited contacts
 * are not part of it.
 */
public record ActionAgenda(
    Instant sessionAt,
    String venue,
    String sharedInsight,
    Instant recordedAt,
    List<Participation> participants,
    List<Item> items) {

  public record Participation(String organisation, int participantCount) {}

  /**
   * @param term {@code short} or {@code long}
   * @param priority {@code high}, {@code medium} or {@code low}
   */
  public record Item(
      int position,
      String theme,
      String action,
      String owner,
      String term,
      String priority,
      List<SupportingInsight> supportingInsights) {}

  /**
   * A theme the action rests on, with how many interviews raised it and, for staff, the quotes that
   * lead back to the interviews.
   */
  public record SupportingInsight(
      String theme, int interviewCount, BigDecimal share, List<UUID> interviewIds) {}
}
