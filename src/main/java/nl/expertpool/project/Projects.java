package nl.expertpool.project;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Projects extends JpaRepository<Project, UUID> {
  List<Project> findAllByOrderByCreatedAtDesc();

  List<Project> findByClientNameOrderByCreatedAtDesc(String clientName);

  long countByClientId(UUID clientId);
}
