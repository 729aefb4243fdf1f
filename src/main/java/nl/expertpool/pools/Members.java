package nl.expertpool.pools;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Members extends JpaRepository<Member, UUID> {

  Optional<Member> findByPoolIdAndSourceExpertId(UUID poolId, UUID sourceExpertId);

  /** The members who took part in a project as one of these experts. */
  @org.springframework.data.jpa.repository.Query(
      "select distinct m from Member m join m.projects p where p.expertId in ?1")
  List<Member> findByParticipant(java.util.Collection<UUID> expertIds);

  List<Member> findByPoolIdAndLeftAtIsNullOrderByNameAsc(UUID poolId);

  List<Member> findByPoolIdAndLeftAtIsNullAndLastProjectAtBefore(UUID poolId, Instant before);
}
