package nl.expertpool.recruitment;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RecruitmentCalls extends JpaRepository<RecruitmentCall, UUID> {
  Optional<RecruitmentCall> findByProjectId(UUID projectId);

  boolean existsBySignUpCode(String code);

  Optional<RecruitmentCall> findBySignUpCode(String code);
}
