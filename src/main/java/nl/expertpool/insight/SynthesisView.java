package nl.expertpool.insight;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.expertpool.web.Csv;

/** A project's synthesis: its state, the interview counts behind it and every theme. */
public record SynthesisView(
    int version,
    String status,
    int interviewsRecorded,
    int interviewsDeclined,
    int interviewsMissing,
    Instant createdAt,
    Instant approvedAt,
    List<ThemeInsight> themes) {

  /**
   * The themes as a table to download: for staff with the summary, the needs named most and the
   * solutions; for clients the counts only.
   */
  public Csv.Table table(UUID projectId, boolean internal) {
    String file = "insights-" + projectId + ".csv";
    if (!internal) {
      return new Csv.Table(
          file,
          List.of("theme", "interviews", "share"),
          themes.stream()
              .<List<?>>map(t -> List.of(t.theme(), t.interviewCount(), t.share()))
              .toList());
    }
    return new Csv.Table(
        file,
        List.of("theme", "interviews", "share", "summary", "top needs", "solutions suggested"),
        themes.stream()
            .<List<?>>map(
                t ->
                    List.of(
                        t.theme(),
                        t.interviewCount(),
                        t.share(),
                        t.summary(),
                        String.join(
                            "; ",
                            t.topNeeds().stream()
                                .map(n -> n.need() + " (" + n.count() + ")")
                                .toList()),
                        String.join("; ", t.solutions())))
            .toList());
  }
}
