package nl.expertpool.milestone;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * The queries are written out in JPQL: Hibernate 6.6 keeps the SQL plan of a JPQL string, while a
 * derived query (a criteria query) is translated to SQL anew on every call, which was a third of
 * the milestone API's time under load (BENCHMARKS.md).
 */
interface Milestones extends JpaRepository<Milestone, UUID> {
  @Query("select m from Milestone m where m.projectId = :projectId order by m.position")
  List<Milestone> findByProjectIdOrderByPosition(UUID projectId);

  @Query("select m from Milestone m where m.projectId = :projectId and m.key = :key")
  Optional<Milestone> findByProjectIdAndKey(UUID projectId, MilestoneKey key);

  /** The milestone, its row locked until the transaction ends. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select m from Milestone m where m.projectId = :projectId and m.key = :key")
  Optional<Milestone> lockByProjectIdAndKey(UUID projectId, MilestoneKey key);
}
