package nl.expertpool.insight;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.insight.RevisedSynthesis.ThemeSummary;
import nl.expertpool.insight.ThemeInsight.Need;
import nl.expertpool.insight.ThemeInsight.Quote;
import nl.expertpool.interview.Interview;
import nl.expertpool.interview.InterviewOverview;
import nl.expertpool.interview.InterviewOverview.Counts;
import nl.expertpool.jobs.RefusedInput;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.web.JsonText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds a project's synthesis from its recorded interviews, keeps staff's revisions of the
 * summaries, renders the synthesis document and records its approval.
 */
@Service
public class Synthesis {

  static final int TOP_NEEDS = 5;
  static final int QUOTES_PER_THEME = 3;
  static final int SOLUTIONS_PER_THEME = 10;

  private static final TypeReference<List<Need>> NEEDS = new TypeReference<>() {};
  private static final TypeReference<List<Quote>> QUOTES = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final InterviewOverview interviews;
  private final ProjectLifecycle projects;
  private final SynthesisDocument document;
  private final AuditTrail audit;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  Synthesis(
      InterviewOverview interviews,
      ProjectLifecycle projects,
      SynthesisDocument document,
      AuditTrail audit,
      JdbcTemplate jdbc,
      ObjectMapper json,
      Clock clock) {
    this.interviews = interviews;
    this.projects = projects;
    this.document = document;
    this.audit = audit;
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Aggregates the recorded interviews by the project's themes and stores the result as a new draft
   * (replacing an earlier one).
   */
  @Transactional
  public State synthesise(UUID projectId) {
    Project project = projects.get(projectId);
    List<Interview> recorded =
        interviews.of(projectId).stream()
            .filter(i -> i.status() == Interview.Status.RECORDED)
            .toList();
    Counts counts = interviews.counts(projectId);
    List<ThemeInsight> themes = new ArrayList<>();
    for (String theme : project.getThemes()) {
      themes.add(aggregate(theme, recorded));
    }
    Instant now = clock.instant();
    Integer previous =
        jdbc
            .query(
                "select version from synthesis where project_id = ?",
                (rs, row) -> rs.getInt(1),
                projectId)
            .stream()
            .findFirst()
            .orElse(0);
    int version = previous + 1;
    jdbc.update("delete from synthesis_theme where project_id = ?", projectId);
    jdbc.update("delete from synthesis where project_id = ?", projectId);
    var view =
        new SynthesisView(
            version,
            "DRAFT",
            counts.recorded(),
            counts.declined(),
            counts.missing(),
            now,
            null,
            themes);
    jdbc.update(
        "insert into synthesis (project_id, version, status, interviews_recorded,"
            + " interviews_declined, interviews_missing, document_html, created_at)"
            + " values (?, ?, 'DRAFT', ?, ?, ?, ?, ?)",
        projectId,
        version,
        counts.recorded(),
        counts.declined(),
        counts.missing(),
        document.render(project.getName(), view),
        Timestamp.from(now));
    storeThemes(projectId, themes);
    audit.record(
        AuditTrail.ENGINE,
        "insights.synthesised",
        AuditTrail.project(projectId),
        "version " + version + ", " + counts.recorded() + " interviews");
    return new State(version, project.getThemes(), counts.recorded());
  }

  /**
   * Takes staff's summaries per theme (themes not named keep theirs) and the reviewer's notes, and
   * renders the document again.
   */
  @Transactional
  public State revise(UUID projectId, RevisedSynthesis revised, SynthesisReview review) {
    SynthesisView current = of(projectId).orElseThrow(() -> noSynthesis(projectId));
    var themes = current.themes().stream().map(ThemeInsight::theme).toList();
    for (ThemeSummary item : revised.themes()) {
      if (!themes.contains(String.valueOf(item.theme()))) {
        throw new RefusedInput("Theme " + item.theme() + " is not in the synthesis");
      }
    }
    for (ThemeSummary item : revised.themes()) {
      if (item.theme() != null && item.summary() != null && !item.summary().isBlank()) {
        jdbc.update(
            "update synthesis_theme set summary = ? where project_id = ? and theme = ?",
            item.summary().strip(),
            projectId,
            item.theme());
      }
    }
    int version = current.version() + 1;
    jdbc.update(
        "update synthesis set version = ?, status = 'DRAFT', review_notes = ?, revised_at = ?"
            + " where project_id = ?",
        version,
        review.notes(),
        Timestamp.from(clock.instant()),
        projectId);
    rerender(projectId);
    audit.record(
        AuditTrail.ENGINE, "insights.revised", AuditTrail.project(projectId), "version " + version);
    return new State(
        version,
        current.themes().stream().map(ThemeInsight::theme).toList(),
        current.interviewsRecorded());
  }

  @Transactional
  public int approve(UUID projectId) {
    SynthesisView current = of(projectId).orElseThrow(() -> noSynthesis(projectId));
    jdbc.update(
        "update synthesis set status = 'APPROVED', approved_at = ? where project_id = ?",
        Timestamp.from(clock.instant()),
        projectId);
    rerender(projectId);
    audit.record(
        AuditTrail.ENGINE,
        "insights.approved",
        AuditTrail.project(projectId),
        "version " + current.version());
    return current.version();
  }

  /**
   * Drops the quotes (interviewees' own words may identify them) and the reviewers' notes, and
   * renders the document again; counts, needs and summaries stay.
   */
  @Transactional
  void forgetQuotes(UUID projectId) {
    jdbc.update("update synthesis_theme set quotes = '[]' where project_id = ?", projectId);
    int synthesised =
        jdbc.update("update synthesis set review_notes = null where project_id = ?", projectId);
    if (synthesised > 0) {
      rerender(projectId);
    }
  }

  @Transactional(readOnly = true)
  public Optional<SynthesisView> of(UUID projectId) {
    List<ThemeInsight> themes =
        jdbc.query(
            "select * from synthesis_theme where project_id = ? order by position",
            (rs, row) -> theme(rs),
            projectId);
    return jdbc
        .query(
            "select * from synthesis where project_id = ?",
            (rs, row) ->
                new SynthesisView(
                    rs.getInt("version"),
                    rs.getString("status"),
                    rs.getInt("interviews_recorded"),
                    rs.getInt("interviews_declined"),
                    rs.getInt("interviews_missing"),
                    instant(rs, "created_at"),
                    instant(rs, "approved_at"),
                    themes),
            projectId)
        .stream()
        .findFirst();
  }

  /** The synthesis document (HTML) as last rendered. */
  @Transactional(readOnly = true)
  public Optional<String> document(UUID projectId) {
    return jdbc
        .query(
            "select document_html from synthesis where project_id = ?",
            (rs, row) -> rs.getString(1),
            projectId)
        .stream()
        .findFirst();
  }

  /**
   * The themes as options for choosing the insights behind an action, with their counts, e.g.
   * {@code housing — 12 of 20 interviews}. No interview content.
   */
  @Transactional(readOnly = true)
  public List<Map<String, String>> insightOptions(UUID projectId) {
    return of(projectId)
        .map(
            s ->
                s.themes().stream()
                    .map(
                        t ->
                            Map.of(
                                "label",
                                "%s — %d of %d interviews"
                                    .formatted(
                                        t.theme(), t.interviewCount(), s.interviewsRecorded()),
                                "value",
                                t.theme()))
                    .toList())
        .orElse(List.of());
  }

  private void rerender(UUID projectId) {
    SynthesisView view = of(projectId).orElseThrow(() -> noSynthesis(projectId));
    jdbc.update(
        "update synthesis set document_html = ? where project_id = ?",
        document.render(projects.get(projectId).getName(), view),
        projectId);
  }

  static ThemeInsight aggregate(String theme, List<Interview> recorded) {
    List<Interview> raising = recorded.stream().filter(i -> i.themes().contains(theme)).toList();
    BigDecimal share =
        recorded.isEmpty()
            ? BigDecimal.ZERO.setScale(4)
            : BigDecimal.valueOf(raising.size())
                .divide(BigDecimal.valueOf(recorded.size()), 4, RoundingMode.HALF_UP);
    Map<String, String> firstWording = new LinkedHashMap<>();
    Map<String, Integer> needCounts = new LinkedHashMap<>();
    for (Interview interview : raising) {
      for (String need : new LinkedHashSet<>(normalised(interview.needs()))) {
        needCounts.merge(need, 1, Integer::sum);
      }
      for (String need : interview.needs()) {
        firstWording.putIfAbsent(need.toLowerCase(Locale.ROOT), need);
      }
    }
    List<Need> topNeeds =
        needCounts.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .limit(TOP_NEEDS)
            .map(e -> new Need(firstWording.get(e.getKey()), e.getValue()))
            .toList();
    List<Quote> quotes =
        raising.stream()
            .filter(i -> !i.keyQuotes().isEmpty())
            .limit(QUOTES_PER_THEME)
            .map(
                i ->
                    new Quote(
                        i.id(), i.intervieweePseudonym(), i.keyQuotes().getFirst(), i.language()))
            .toList();
    Map<String, String> solutions = new LinkedHashMap<>();
    for (Interview interview : raising) {
      for (String solution : interview.solutions()) {
        solutions.putIfAbsent(solution.toLowerCase(Locale.ROOT), solution);
      }
    }
    String summary =
        raising.isEmpty()
            ? "Not raised in the %d recorded interviews.".formatted(recorded.size())
            : "Raised in %d of %d interviews (%s %%).%s"
                .formatted(
                    raising.size(),
                    recorded.size(),
                    share.movePointRight(2).setScale(0, RoundingMode.HALF_UP),
                    topNeeds.isEmpty()
                        ? ""
                        : " Needs named most: "
                            + topNeeds.stream().map(Need::need).collect(Collectors.joining("; "))
                            + ".");
    return new ThemeInsight(
        theme,
        raising.size(),
        share,
        summary,
        topNeeds,
        quotes,
        solutions.values().stream().limit(SOLUTIONS_PER_THEME).toList());
  }

  private static List<String> normalised(List<String> lines) {
    return lines.stream().map(l -> l.toLowerCase(Locale.ROOT)).toList();
  }

  private void storeThemes(UUID projectId, List<ThemeInsight> themes) {
    int position = 1;
    for (ThemeInsight t : themes) {
      jdbc.update(
          "insert into synthesis_theme (project_id, theme, position, interview_count, share,"
              + " summary, top_needs, quotes, solutions)"
              + " values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb)",
          projectId,
          t.theme(),
          position++,
          t.interviewCount(),
          t.share(),
          t.summary(),
          write(t.topNeeds()),
          write(t.quotes()),
          write(t.solutions()));
    }
  }

  private ThemeInsight theme(ResultSet rs) throws SQLException {
    return new ThemeInsight(
        rs.getString("theme"),
        rs.getInt("interview_count"),
        rs.getBigDecimal("share"),
        rs.getString("summary"),
        read(rs.getString("top_needs"), NEEDS),
        read(rs.getString("quotes"), QUOTES),
        read(rs.getString("solutions"), STRINGS));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static IllegalStateException noSynthesis(UUID projectId) {
    return new IllegalStateException("Project " + projectId + " has no synthesis yet");
  }

  private String write(Object value) {
    return JsonText.write(json, value);
  }

  private <T> T read(String value, TypeReference<T> type) {
    return JsonText.read(json, value, type);
  }

  /** What the process needs after a synthesis step: the version and the themes it covers. */
  public record State(int version, List<String> themes, int interviewsRecorded) {}
}
