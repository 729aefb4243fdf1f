package nl.expertpool.training;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One training session of a scheduling round. */
@Entity
@Table(name = "training_session")
class TrainingSession {

  @Id private UUID id;
  private UUID projectId;
  private int trainingRound;
  private int position;
  private Instant startsAt;
  private int durationMinutes;
  private String location;
  private String trainer;

  protected TrainingSession() {}

  TrainingSession(
      UUID projectId,
      int trainingRound,
      int position,
      Instant startsAt,
      int durationMinutes,
      String location,
      String trainer) {
    this.id = UUID.randomUUID();
    this.projectId = projectId;
    this.trainingRound = trainingRound;
    this.position = position;
    this.startsAt = startsAt;
    this.durationMinutes = durationMinutes;
    this.location = location;
    this.trainer = trainer;
  }

  Instant endsAt() {
    return startsAt.plus(Duration.ofMinutes(durationMinutes));
  }

  UUID getId() {
    return id;
  }

  UUID getProjectId() {
    return projectId;
  }

  int getTrainingRound() {
    return trainingRound;
  }

  int getPosition() {
    return position;
  }

  Instant getStartsAt() {
    return startsAt;
  }

  int getDurationMinutes() {
    return durationMinutes;
  }

  String getLocation() {
    return location;
  }
}
