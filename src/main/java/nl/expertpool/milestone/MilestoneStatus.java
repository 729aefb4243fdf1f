package nl.expertpool.milestone;

public enum MilestoneStatus {
  PENDING,
  IN_PROGRESS,
  REACHED
}
