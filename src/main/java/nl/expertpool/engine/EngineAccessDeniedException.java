package nl.expertpool.engine;

/**
 * The engine refuses the app's client a permission it needs (HTTP 403): not an outage that passes,
 * but an authorization the cluster's administrator has to grant. It names the permission, as the
 * cluster said it, so that the log and the health say what to grant.
 */
public class EngineAccessDeniedException extends EngineUnavailableException {

  private final String permission;

  /**
   * @param permission such as {@code READ_USER_TASK on PROCESS_DEFINITION}; null when the cluster
   *     did not say
   */
  public EngineAccessDeniedException(String message, String permission, Throwable cause) {
    super(message, cause);
    this.permission = permission;
  }

  /** The permission the cluster named, such as {@code READ_USER_TASK on PROCESS_DEFINITION}. */
  public String permission() {
    return permission;
  }
}
