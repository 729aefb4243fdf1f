package nl.expertpool.recruitment;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExpertAccounts extends JpaRepository<ExpertAccount, UUID> {
  List<ExpertAccount> findByUsername(String username);

  List<ExpertAccount> findByApplicationIdIn(List<UUID> applicationIds);
}
