package nl.expertpool.project;

public enum ProjectStatus {
  ACTIVE,
  COMPLETED,
  CANCELLED
}
