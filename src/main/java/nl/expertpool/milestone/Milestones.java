package nl.expertpool.milestone;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Milestones extends JpaRepository<Milestone, UUID> {
  List<Milestone> findByProjectIdOrderByPosition(UUID projectId);

  Optional<Milestone> findByProjectIdAndKey(UUID projectId, MilestoneKey key);
}
