package nl.expertpool.pools;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PoolInvitations extends JpaRepository<PoolInvitation, UUID> {

  Optional<PoolInvitation> findByTokenHash(String tokenHash);

  Optional<PoolInvitation> findByMemberIdAndProjectId(UUID memberId, UUID projectId);

  Optional<PoolInvitation> findByApplicationId(UUID applicationId);

  List<PoolInvitation> findByProjectIdOrderByInvitedAt(UUID projectId);

  List<PoolInvitation> findByMemberIdInAndAnswerIsNull(Collection<UUID> memberIds);

  List<PoolInvitation> findByMemberIdAndAnswerIsNull(UUID memberId);
}
