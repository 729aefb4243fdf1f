package nl.expertpool.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import nl.expertpool.project.NewProject;
import nl.expertpool.project.Phase;
import org.springframework.util.MultiValueMap;

/**
 * The new-project form as typed: every value kept as text, so that a refused form comes back as it
 * was sent, and read into a {@link NewProject} with a problem per field that is not a number, an
 * amount or a date.
 */
record ProjectDraft(
    String name,
    String clientName,
    String region,
    String targetExperts,
    String interviewsPerExpert,
    List<String> themes,
    List<String> themesNl,
    String startDate,
    Map<String, String> deadlines,
    String recruitmentWindowDays,
    String minimumPool,
    String requiredSessions,
    String interviewMinutes,
    String interviewDeadlineDays,
    String hourlyRate,
    String retentionDays,
    String poolId,
    String stakeholderSessions,
    String followUpMonths,
    String followUpIntervalWeeks) {

  /** How many theme fields the form offers; empty ones are left out. */
  static final int THEME_ROWS = 8;

  static ProjectDraft blank(LocalDate today) {
    return new ProjectDraft(
        "",
        "",
        "",
        "",
        "",
        padded(List.of()),
        padded(List.of()),
        today.toString(),
        emptyDeadlines(),
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "");
  }

  static ProjectDraft from(MultiValueMap<String, String> form) {
    Function<String, String> one = name -> form.getFirst(name) == null ? "" : form.getFirst(name);
    Map<String, String> deadlines = emptyDeadlines();
    deadlines.replaceAll((phase, none) -> one.apply("deadline-" + phase));
    return new ProjectDraft(
        one.apply("name"),
        one.apply("clientName"),
        one.apply("region"),
        one.apply("targetExperts"),
        one.apply("interviewsPerExpert"),
        padded(form.getOrDefault("themes", List.of())),
        padded(form.getOrDefault("themes-nl", List.of())),
        one.apply("startDate"),
        deadlines,
        one.apply("recruitmentWindowDays"),
        one.apply("minimumPool"),
        one.apply("requiredSessions"),
        one.apply("interviewMinutes"),
        one.apply("interviewDeadlineDays"),
        one.apply("hourlyRate"),
        one.apply("retentionDays"),
        one.apply("poolId"),
        one.apply("stakeholderSessions"),
        one.apply("agendaYear.months"),
        one.apply("agendaYear.intervalWeeks"));
  }

  /**
   * The plan these values make; every value that cannot be read adds a problem under its field and
   * is left out (null) of the plan.
   */
  NewProject toPlan(Map<String, FieldProblem> problems) {
    Map<String, LocalDate> given = new LinkedHashMap<>();
    deadlines.forEach(
        (phase, text) -> {
          LocalDate due = date("deadlines." + phase, text, problems);
          if (due != null) {
            given.put(phase, due);
          }
        });
    return new NewProject(
        text(name),
        text(clientName),
        text(region),
        whole("targetExperts", targetExperts, problems),
        whole("interviewsPerExpert", interviewsPerExpert, problems),
        themes.stream().map(String::strip).filter(t -> !t.isEmpty()).toList(),
        date("startDate", startDate, problems),
        whole("recruitmentWindowDays", recruitmentWindowDays, problems),
        whole("minimumPool", minimumPool, problems),
        whole("requiredSessions", requiredSessions, problems),
        amount("hourlyRate", hourlyRate, problems),
        given,
        whole("interviewDeadlineDays", interviewDeadlineDays, problems),
        whole("interviewMinutes", interviewMinutes, problems),
        whole("retentionDays", retentionDays, problems),
        themeLabels(problems),
        pool(problems),
        whole("stakeholderSessions", stakeholderSessions, problems),
        agendaYear(problems));
  }

  /**
   * The agenda's year after the handover: none while both its fields are empty; either one given
   * asks for it, the other then as its default.
   */
  private NewProject.AgendaYear agendaYear(Map<String, FieldProblem> problems) {
    if (text(followUpMonths) == null && text(followUpIntervalWeeks) == null) {
      return null;
    }
    return new NewProject.AgendaYear(
        whole("agendaYear.months", followUpMonths, problems),
        whole("agendaYear.intervalWeeks", followUpIntervalWeeks, problems));
  }

  /** The standing pool chosen, if any; one the list did not offer is a problem. */
  private UUID pool(Map<String, FieldProblem> problems) {
    if (text(poolId) == null) {
      return null;
    }
    try {
      return UUID.fromString(poolId.strip());
    } catch (IllegalArgumentException e) {
      problems.put("poolId", new FieldProblem("newProject.error.pool"));
      return null;
    }
  }

  /** The Dutch name typed beside each theme; one without its English name is a problem. */
  private Map<String, Map<String, String>> themeLabels(Map<String, FieldProblem> problems) {
    Map<String, Map<String, String>> labels = new LinkedHashMap<>();
    for (int i = 0; i < themesNl.size(); i++) {
      String dutch = themesNl.get(i).strip();
      String english = i < themes.size() ? themes.get(i).strip() : "";
      if (dutch.isEmpty()) {
        continue;
      }
      if (english.isEmpty()) {
        problems.putIfAbsent("themes", new FieldProblem("newProject.error.themeEnglish"));
      } else {
        labels.put(english, Map.of("nl", dutch));
      }
    }
    return labels.isEmpty() ? null : labels;
  }

  /**
   * Each phase's deadline if its field stays empty, from the start date and the deadlines typed so
   * far; empty while the start date cannot be read.
   */
  Map<String, LocalDate> defaultDeadlines() {
    Map<String, FieldProblem> ignored = new LinkedHashMap<>();
    LocalDate start = date("startDate", startDate, ignored);
    if (start == null) {
      return Map.of();
    }
    Integer window = whole("recruitmentWindowDays", recruitmentWindowDays, ignored);
    Map<String, LocalDate> given = new LinkedHashMap<>();
    deadlines.forEach((phase, text) -> given.put(phase, date(phase, text, ignored)));
    Map<String, LocalDate> defaults = new LinkedHashMap<>();
    Phase.schedule(
            start, window == null ? NewProject.DEFAULT_RECRUITMENT_WINDOW_DAYS : window, given)
        .forEach((phase, due) -> defaults.put(phase.key(), due));
    return defaults;
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static Integer whole(String field, String value, Map<String, FieldProblem> problems) {
    if (text(value) == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      problems.put(field, new FieldProblem("newProject.error.wholeNumber"));
      return null;
    }
  }

  private static BigDecimal amount(String field, String value, Map<String, FieldProblem> problems) {
    if (text(value) == null) {
      return null;
    }
    try {
      return new BigDecimal(value.strip().replace(',', '.'));
    } catch (NumberFormatException e) {
      problems.put(field, new FieldProblem("newProject.error.amount"));
      return null;
    }
  }

  static LocalDate date(String field, String value, Map<String, FieldProblem> problems) {
    if (text(value) == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      problems.put(field, new FieldProblem("newProject.error.date"));
      return null;
    }
  }

  private static List<String> padded(List<String> themes) {
    var rows = new ArrayList<>(themes);
    while (rows.size() < THEME_ROWS) {
      rows.add("");
    }
    return rows;
  }

  private static Map<String, String> emptyDeadlines() {
    Map<String, String> deadlines = new LinkedHashMap<>();
    for (Phase phase : Phase.values()) {
      deadlines.put(phase.key(), "");
    }
    return deadlines;
  }

  /** Why a field was refused: a message key of the page and its arguments. */
  record FieldProblem(String key, Object... args) {}
}
