package nl.expertpool.recruitment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Applications extends JpaRepository<Application, UUID> {
  List<Application> findByProjectIdOrderBySubmittedAt(UUID projectId);

  List<Application> findByProjectIdAndAcknowledgedAtIsNullOrderBySubmittedAt(UUID projectId);

  long countByProjectId(UUID projectId);

  long countByProjectIdAndConfirmation(UUID projectId, Application.Confirmation confirmation);

  Optional<Application> findByProjectIdAndContactHash(UUID projectId, String contactHash);

  boolean existsByProjectIdAndPseudonym(UUID projectId, String pseudonym);
}
