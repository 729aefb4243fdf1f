package nl.expertpool.pools;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Members extends JpaRepository<Member, UUID> {

  Optional<Member> findByPoolIdAndSourceExpertId(UUID poolId, UUID sourceExpertId);

  List<Member> findByPoolIdAndLeftAtIsNullOrderByNameAsc(UUID poolId);

  List<Member> findByPoolIdAndLeftAtIsNullAndLastProjectAtBefore(UUID poolId, Instant before);
}
