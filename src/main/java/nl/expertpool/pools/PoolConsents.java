package nl.expertpool.pools;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PoolConsents extends JpaRepository<PoolConsent, UUID> {

  List<PoolConsent> findByMemberIdAndRevokedAtIsNull(UUID memberId);
}
