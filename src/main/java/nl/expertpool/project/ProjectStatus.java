package nl.expertpool.project;

public enum ProjectStatus {
  ACTIVE,
  /**
   * The engine has no trace of the project's process instance (its log was deleted, or a cluster
   * lost its data): nothing moves until a project manager resumes it.
   */
  INTERRUPTED,
  COMPLETED,
  CANCELLED
}
