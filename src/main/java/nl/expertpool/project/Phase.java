package nl.expertpool.project;

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

  public static Phase ofKey(String key) {
    for (Phase phase : values()) {
      if (phase.key.equals(key)) {
        return phase;
      }
    }
    throw new IllegalArgumentException("No phase '" + key + "'");
  }
}
