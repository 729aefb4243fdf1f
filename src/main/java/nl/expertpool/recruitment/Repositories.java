package nl.expertpool.recruitment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RecruitmentCalls extends JpaRepository<RecruitmentCall, UUID> {
  Optional<RecruitmentCall> findByProjectId(UUID projectId);

  boolean existsBySignUpCode(String code);
}

interface Applications extends JpaRepository<Application, UUID> {
  List<Application> findByProjectIdOrderBySubmittedAt(UUID projectId);

  List<Application> findByProjectIdAndAcknowledgedAtIsNullOrderBySubmittedAt(UUID projectId);

  long countByProjectId(UUID projectId);

  long countByProjectIdAndConfirmation(UUID projectId, Application.Confirmation confirmation);

  Optional<Application> findByProjectIdAndContactHash(UUID projectId, String contactHash);

  boolean existsByProjectIdAndPseudonym(UUID projectId, String pseudonym);
}

interface ConsentRecords extends JpaRepository<ConsentRecord, UUID> {
  Optional<ConsentRecord> findByApplicationId(UUID applicationId);
}

interface Experts extends JpaRepository<Expert, UUID> {
  List<Expert> findByProjectIdOrderByPseudonym(UUID projectId);

  Optional<Expert> findByApplicationId(UUID applicationId);

  List<Expert> findByApplicationIdIn(List<UUID> applicationIds);

  long countByProjectId(UUID projectId);
}

interface ExpertAccounts extends JpaRepository<ExpertAccount, UUID> {
  List<ExpertAccount> findByUsername(String username);

  List<ExpertAccount> findByApplicationIdIn(List<UUID> applicationIds);
}
