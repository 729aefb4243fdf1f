package nl.expertpool.recruitment;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConsentRecords extends JpaRepository<ConsentRecord, UUID> {
  Optional<ConsentRecord> findByApplicationId(UUID applicationId);
}
