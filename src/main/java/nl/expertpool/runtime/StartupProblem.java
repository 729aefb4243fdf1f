package nl.expertpool.runtime;

/**
 * A reason the app cannot start that the user can fix. Spring Boot reports it as a short
 * description and action instead of a stack trace.
 */
public class StartupProblem extends RuntimeException {

  private final String action;

  public StartupProblem(String description, String action, Throwable cause) {
    super(description, cause);
    this.action = action;
  }

  public StartupProblem(String description, String action) {
    this(description, action, null);
  }

  public String action() {
    return action;
  }
}
