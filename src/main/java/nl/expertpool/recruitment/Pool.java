package nl.expertpool.recruitment;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.expertpool.notification.Messenger.Recipient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pool a project recruited: who applied and who became an expert, certification, how to reach
 * them, and figures.
 */
@Service
public class Pool {

  private final Applications applications;
  private final Experts experts;
  private final ExpertAccounts expertAccounts;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Pool(
      Applications applications,
      Experts experts,
      ExpertAccounts expertAccounts,
      ApplicationEventPublisher events,
      Clock clock) {
    this.events = events;
    this.applications = applications;
    this.experts = experts;
    this.expertAccounts = expertAccounts;
    this.clock = clock;
  }

  /** The pool: experts by id and pseudonym. */
  @Transactional(readOnly = true)
  public List<PoolMember> pool(UUID projectId) {
    return experts.findByProjectIdOrderByPseudonym(projectId).stream()
        .map(
            e ->
                new PoolMember(
                    e.getId(), e.getPseudonym(), e.getStatus() == Expert.Status.CERTIFIED))
        .toList();
  }

  /**
   * Everyone who applied, for project managers: name, decision, and, for experts, their pseudonym,
   * certification and sign-in account.
   */
  @Transactional(readOnly = true)
  public List<Applicant> people(UUID projectId) {
    var all = applications.findByProjectIdOrderBySubmittedAt(projectId);
    Map<UUID, Expert> byApplication = new HashMap<>();
    experts
        .findByProjectIdOrderByPseudonym(projectId)
        .forEach(e -> byApplication.put(e.getApplicationId(), e));
    Map<UUID, String> accounts =
        expertAccounts.findByApplicationIdIn(all.stream().map(Application::getId).toList()).stream()
            .collect(Collectors.toMap(ExpertAccount::getApplicationId, ExpertAccount::getUsername));
    return all.stream()
        .map(
            a -> {
              Expert e = byApplication.get(a.getId());
              return new Applicant(
                  a.getId(),
                  a.getPseudonym(),
                  a.getName(),
                  a.getSubmittedAt(),
                  a.getDecision() == null ? null : a.getDecision().name(),
                  a.getAnonymisedAt() != null,
                  e == null ? null : e.getId(),
                  e == null ? null : e.getPseudonym(),
                  e != null && e.getStatus() == Expert.Status.CERTIFIED,
                  accounts.get(a.getId()));
            })
        .toList();
  }

  /** Whether the expert is one of the project's pool. */
  @Transactional(readOnly = true)
  public boolean inPool(UUID projectId, UUID expertId) {
    return experts.findById(expertId).filter(e -> e.getProjectId().equals(projectId)).isPresent();
  }

  /** Marks an expert certified; false when they were before. */
  @Transactional
  public boolean certify(UUID expertId) {
    Expert expert = expert(expertId);
    Instant now = clock.instant();
    if (!expert.certify(now)) {
      return false;
    }
    events.publishEvent(new ExpertCertified(expert.getProjectId(), expertId, now));
    return true;
  }

  /** How to reach an expert, for notifications only. */
  @Transactional(readOnly = true)
  public Recipient recipientOf(UUID expertId) {
    return applications.findById(expert(expertId).getApplicationId()).orElseThrow().recipient();
  }

  private Expert expert(UUID expertId) {
    return experts
        .findById(expertId)
        .orElseThrow(() -> new IllegalArgumentException("No expert " + expertId));
  }

  /** Applicants, experts, certified experts, and the languages the experts speak, most first. */
  @Transactional(readOnly = true)
  public Figures figures(UUID projectId) {
    List<Expert> pool = experts.findByProjectIdOrderByPseudonym(projectId);
    Map<String, Long> spoken = new TreeMap<>();
    for (Application application :
        applications.findAllById(pool.stream().map(Expert::getApplicationId).toList())) {
      application.getLanguages().forEach(language -> spoken.merge(language, 1L, Long::sum));
    }
    Map<String, Integer> languages = new LinkedHashMap<>();
    spoken.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .forEach(e -> languages.put(e.getKey(), e.getValue().intValue()));
    return new Figures(
        (int) applications.countByProjectId(projectId),
        pool.size(),
        (int) pool.stream().filter(e -> e.getStatus() == Expert.Status.CERTIFIED).count(),
        languages);
  }

  /** Each expert's name and e-mail address, by expert id: for the finance team's payout list. */
  @Transactional(readOnly = true)
  public Map<UUID, Contact> contacts(UUID projectId) {
    List<Expert> pool = experts.findByProjectIdOrderByPseudonym(projectId);
    Map<UUID, Application> byId =
        applications.findAllById(pool.stream().map(Expert::getApplicationId).toList()).stream()
            .collect(Collectors.toMap(Application::getId, Function.identity()));
    Map<UUID, Contact> contacts = new LinkedHashMap<>();
    for (Expert expert : pool) {
      Application application = byId.get(expert.getApplicationId());
      if (application != null) {
        contacts.put(expert.getId(), new Contact(application.getName(), application.getEmail()));
      }
    }
    return contacts;
  }

  /**
   * What a standing pool keeps of an expert who agrees to be invited again: how to reach them,
   * their languages and when they were certified. Empty when the expert is not of this project, or
   * their personal data is erased.
   */
  @Transactional(readOnly = true)
  public Optional<ExpertProfile> profile(UUID projectId, UUID expertId) {
    return experts
        .findById(expertId)
        .filter(e -> e.getProjectId().equals(projectId))
        .flatMap(
            e ->
                applications
                    .findById(e.getApplicationId())
                    .filter(a -> a.getAnonymisedAt() == null)
                    .map(
                        a ->
                            new ExpertProfile(
                                e.getId(),
                                e.getPseudonym(),
                                a.getName(),
                                a.getEmail(),
                                a.getPhone(),
                                List.copyOf(a.getLanguages()),
                                a.getPreferredLanguage(),
                                e.getCertifiedAt())));
  }

  public record PoolMember(UUID expertId, String pseudonym, boolean certified) {}

  /**
   * @param email null when the expert applied by phone
   * @param phone null when the expert applied by e-mail
   * @param certifiedAt null while not certified
   */
  public record ExpertProfile(
      UUID expertId,
      String pseudonym,
      String name,
      String email,
      String phone,
      List<String> languages,
      String preferredLanguage,
      Instant certifiedAt) {}

  /** An applicant as project managers see them; the expert fields are null for non-experts. */
  public record Applicant(
      UUID applicationId,
      String pseudonym,
      String name,
      Instant appliedAt,
      String decision,
      boolean anonymised,
      UUID expertId,
      String expertPseudonym,
      boolean certified,
      String account) {}

  /**
   * @param languages per language, how many experts speak it; most spoken first, then by name
   */
  public record Figures(
      int applicants, int experts, int certified, Map<String, Integer> languages) {}

  /**
   * @param email null when the expert applied by phone
   */
  public record Contact(String name, String email) {}
}
