package nl.expertpool.milestone;

/** The milestones of every project, in order, and the phase the project enters at each. */
public enum MilestoneKey {
  PROJECT_STARTED("Project started", "RECRUITMENT"),
  EXPERTS_RECRUITED("Experts recruited", "TRAINING"),
  TRAINING_COMPLETED("Training completed", "INTERVIEWS"),
  INTERVIEWS_COMPLETED("Interviews completed", "SYNTHESIS"),
  INSIGHTS_SYNTHESISED("Insights synthesised", "STAKEHOLDER_SESSION"),
  ACTION_AGENDA_DRAFTED("Action agenda drafted", "FEEDBACK"),
  FEEDBACK_INCORPORATED("Feedback incorporated", "HANDOVER"),
  HANDOVER_COMPLETED("Handover completed", "DONE"),
  /** Only for a project with the agenda's year after the handover. */
  AGENDA_FOLLOWED_UP("Agenda followed up", "DONE"),
  /** Internal: clients do not see it, and it does not change the project's phase. */
  PERSONAL_DATA_ANONYMISED("Personal data anonymised", null);

  private final String title;
  private final String phaseAfter;

  MilestoneKey(String title, String phaseAfter) {
    this.title = title;
    this.phaseAfter = phaseAfter;
  }

  /** Whether the project's client sees it. */
  public boolean clientVisible() {
    return phaseAfter != null;
  }

  public String title() {
    return title;
  }

  /** The phase the project enters at this milestone, or null when it stays where it is. */
  String phaseAfter() {
    return phaseAfter;
  }
}
