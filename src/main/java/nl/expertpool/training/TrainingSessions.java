package nl.expertpool.training;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TrainingSessions extends JpaRepository<TrainingSession, UUID> {

  List<TrainingSession> findByProjectIdAndTrainingRoundOrderByPosition(UUID projectId, int round);

  long countByProjectId(UUID projectId);

  @Query("select coalesce(max(s.trainingRound), 0) from TrainingSession s where s.projectId = ?1")
  int lastRound(UUID projectId);
}
