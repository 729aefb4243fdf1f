package nl.expertpool.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.expertpool.web.Csv;

/**
 * The outcome of a project's stakeholder sessions: the agenda is the union of their parts, each
 * action traced to its session. Organisations, not people: the invited contacts are not part of it.
 *
 * @param sessionAt the first session's
 * @param venue the first session's
 * @param sharedInsight the first session's
 * @param recordedAt when the latest session's outcome was recorded
 * @param participants per organisation, over all sessions
 * @param sessions each session whose outcome is recorded, by number
 */
public record ActionAgenda(
    Instant sessionAt,
    String venue,
    String sharedInsight,
    Instant recordedAt,
    List<Participation> participants,
    List<Item> items,
    List<Session> sessions) {

  /** The actions as a table to download, each with the themes behind it and their counts. */
  public Csv.Table table(UUID projectId) {
    return new Csv.Table(
        "action-agenda-" + projectId + ".csv",
        List.of(
            "position",
            "session",
            "theme",
            "action",
            "owner",
            "term",
            "priority",
            "supporting insights"),
        items.stream()
            .<List<?>>map(
                item ->
                    List.of(
                        item.position(),
                        item.sessionNumber(),
                        item.theme(),
                        item.action(),
                        item.owner(),
                        item.term(),
                        item.priority(),
                        item.supportingInsights().stream()
                            .map(s -> s.theme() + " (" + s.interviewCount() + " interviews)")
                            .collect(Collectors.joining("; "))))
            .toList());
  }

  public record Participation(String organisation, int participantCount) {}

  /** One session: its number, when and where, its shared insight, and who took part. */
  public record Session(
      int number,
      Instant sessionAt,
      String venue,
      String sharedInsight,
      Instant recordedAt,
      List<Participation> participants) {}

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
      List<SupportingInsight> supportingInsights,
      int sessionNumber) {}

  /**
   * A theme the action rests on, with how many interviews raised it and, for staff, the quotes that
   * lead back to the interviews.
   */
  public record SupportingInsight(
      String theme, int interviewCount, BigDecimal share, List<UUID> interviewIds) {}
}
