package nl.expertpool.security;

/** The app's roles, each with the candidate group its users' tasks are offered to. */
public enum Role {
  PROJECT_MANAGER("project-managers"),
  STAFF("staff"),
  EXPERT("experts"),
  CLIENT("clients");

  private final String group;

  Role(String group) {
    this.group = group;
  }

  /** The candidate group in the models, e.g. {@code staff}. */
  public String group() {
    return group;
  }
}
