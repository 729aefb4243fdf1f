package nl.expertpool.project;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * The phases of a project in order; each has a deadline in the plan, kept in the engine as the
 * variable its overdue timer reads.
 */
public enum Phase {
  RECRUITMENT("recruitment", "Recruitment", 21),
  TRAINING("training", "Training", 28),
  INTERVIEWS("interviews", "Network interviews", 42),
  STAKEHOLDER_SESSION("stakeholder-session", "Stakeholder session", 28),
  FEEDBACK("feedback", "Feedback round", 21),
  HANDOVER("handover", "Handover", 28);

  private final String key;
  private final String title;
  private final int defaultDays;

  Phase(String key, String title, int defaultDays) {
    this.key = key;
    this.title = title;
    this.defaultDays = defaultDays;
  }

  /** The name used in the API and in the models' task headers, e.g. {@code stakeholder-session}. */
  /**
   * The sub-process of the main model that runs this phase with its deadline, such as {@code
   * StakeholderSessionPhase}: where a resumed project starts.
   */
  public String subProcessId() {
    var id = new StringBuilder();
    for (String word : name().split("_")) {
      id.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return id.append("Phase").toString();
  }

  public String key() {
    return key;
  }

  public String title() {
    return title;
  }

  /** Days the phase gets in a plan that sets no deadline for it. */
  int defaultDays() {
    return defaultDays;
  }

  /** The process variable with the phase's deadline, e.g. {@code stakeholderSessionDeadline}. */
  public String deadlineVariable() {
    return nl.expertpool.web.NameConvention.camelCase(key) + "Deadline";
  }

  /**
   * Each phase's deadline: the one given for it, or its default days after the previous phase's
   * (the recruitment phase: the recruitment window and a week to screen). Not checked for order.
   *
   * @param given deadlines by {@link #key()}; unknown keys are ignored
   */
  public static Map<Phase, LocalDate> schedule(
      LocalDate start, int recruitmentWindowDays, Map<String, LocalDate> given) {
    Map<Phase, LocalDate> schedule = new EnumMap<>(Phase.class);
    LocalDate previous = start;
    for (Phase phase : values()) {
      int days = phase == RECRUITMENT ? recruitmentWindowDays + 7 : phase.defaultDays;
      LocalDate due = given.get(phase.key) != null ? given.get(phase.key) : previous.plusDays(days);
      schedule.put(phase, due);
      previous = due;
    }
    return schedule;
  }

  /**
   * The first phase that is not over, for a project's current phase as its milestones name it (the
   * synthesis lies between the interviews and the stakeholder session); empty when all are over.
   */
  public static java.util.Optional<Phase> firstOpen(String currentPhase) {
    if (currentPhase == null) {
      return java.util.Optional.of(RECRUITMENT);
    }
    return switch (currentPhase) {
      case "SYNTHESIS" -> java.util.Optional.of(STAKEHOLDER_SESSION);
      default ->
          java.util.Arrays.stream(values()).filter(p -> p.name().equals(currentPhase)).findFirst();
    };
  }

  public static Phase ofKey(String key) {
    for (Phase phase : values()) {
      if (phase.key.equals(key)) {
        return phase;
      }
    }
    throw new IllegalArgumentException("No phase '" + key + "'");
  }
}
