package nl.expertpool.recruitment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Experts extends JpaRepository<Expert, UUID> {
  List<Expert> findByProjectIdOrderByPseudonym(UUID projectId);

  Optional<Expert> findByApplicationId(UUID applicationId);

  List<Expert> findByApplicationIdIn(List<UUID> applicationIds);

  long countByProjectId(UUID projectId);
}
