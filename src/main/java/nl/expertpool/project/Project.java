package nl.expertpool.project;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;

/**
 * An expert-pool project: its plan, settings, status and the phase it is in.
 *
 * <p>Updates write only the columns that changed. The phase (moved by the milestone worker) and the
 * process instance (kept by the start, while the process's first worker already runs) are left out
 * of the optimistic lock: each has one writer, so a change to one never conflicts with the other.
 */
@Entity
@Table(name = "project")
@DynamicUpdate
public class Project {

  @Id private UUID id;
  private String name;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "client_id")
  private ClientOrganisation client;

  private String region;
  private int targetExperts;
  private int interviewsPerExpert;

  @JdbcTypeCode(SqlTypes.JSON)
  private List<String> themes;

  /** Each theme's name in other languages, by theme and language code; English is the theme. */
  @JdbcTypeCode(SqlTypes.JSON)
  private Map<String, Map<String, String>> themeLabels = new java.util.HashMap<>();

  private LocalDate startDate;
  private int recruitmentWindowDays;
  private int minimumPool;
  private int requiredSessions;
  private int stakeholderSessions;
  private Integer followUpMonths;
  private Integer followUpIntervalWeeks;
  private int interviewDeadlineDays;
  private int interviewMinutes;
  private int retentionDays;
  private Instant anonymisedAt;
  private BigDecimal hourlyRate;

  /** The standing pool the project belongs to, if any (issue 23). */
  private UUID standingPoolId;

  @Enumerated(EnumType.STRING)
  private ProjectStatus status;

  @OptimisticLock(excluded = true)
  private String currentPhase;

  @OptimisticLock(excluded = true)
  private Long processInstanceKey;

  @OptimisticLock(excluded = true)
  private Instant processStartedAt;

  private Instant createdAt;
  private String createdBy;
  @Version private long version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "phase_deadline", joinColumns = @JoinColumn(name = "project_id"))
  @MapKeyColumn(name = "phase")
  @MapKeyEnumerated(EnumType.STRING)
  @Column(name = "due_at")
  private Map<Phase, Instant> deadlines = new EnumMap<>(Phase.class);

  protected Project() {}

  Project(
      ClientOrganisation client,
      NewProject plan,
      Map<Phase, Instant> deadlines,
      Instant createdAt,
      String createdBy) {
    this.id = UUID.randomUUID();
    this.client = client;
    this.name = plan.name();
    this.region = plan.region();
    this.targetExperts = plan.targetExperts();
    this.interviewsPerExpert = plan.interviewsPerExpert();
    this.themes = List.copyOf(plan.themes());
    if (plan.themeLabels() != null) {
      plan.themeLabels()
          .forEach(
              (theme, labels) -> {
                var kept = new java.util.TreeMap<String, String>();
                labels.forEach(
                    (language, label) -> {
                      if (label != null && !label.isBlank()) {
                        kept.put(language, label.strip());
                      }
                    });
                if (!kept.isEmpty()) {
                  themeLabels.put(theme, kept);
                }
              });
    }
    this.startDate = plan.startDate();
    this.recruitmentWindowDays = plan.recruitmentWindowDaysOrDefault();
    this.minimumPool = plan.minimumPoolOrDefault();
    this.requiredSessions = plan.requiredSessionsOrDefault();
    this.stakeholderSessions = plan.stakeholderSessionsOrDefault();
    if (plan.agendaYear() != null) {
      this.followUpMonths = plan.agendaYear().monthsOrDefault();
      this.followUpIntervalWeeks = plan.agendaYear().intervalWeeksOrDefault();
    }
    this.interviewDeadlineDays = plan.interviewDeadlineDaysOrDefault();
    this.interviewMinutes = plan.interviewMinutesOrDefault();
    this.retentionDays = plan.retentionDaysOrDefault();
    this.hourlyRate = plan.hourlyRateOrDefault();
    this.standingPoolId = plan.poolId();
    this.status = ProjectStatus.ACTIVE;
    this.currentPhase = "NOT_STARTED";
    this.createdAt = createdAt;
    this.createdBy = createdBy;
    this.deadlines.putAll(deadlines);
  }

  void started(long processInstanceKey, Instant at) {
    this.processInstanceKey = processInstanceKey;
    this.processStartedAt = at;
  }

  /** The engine knows the process instance no more: the project waits to be resumed. */
  void interrupt() {
    this.status = ProjectStatus.INTERRUPTED;
  }

  /** Runs again, in a new process instance. */
  void resumed(long processInstanceKey, Instant at) {
    this.status = ProjectStatus.ACTIVE;
    started(processInstanceKey, at);
  }

  boolean anonymised(Instant at) {
    if (anonymisedAt != null) {
      return false;
    }
    anonymisedAt = at;
    return true;
  }

  void enter(String phase) {
    this.currentPhase = phase;
  }

  void close(ProjectStatus status) {
    this.status = status;
    if (status == ProjectStatus.COMPLETED) {
      this.currentPhase = "DONE";
    }
  }

  void targets(int targetExperts, int minimumPool) {
    this.targetExperts = targetExperts;
    this.minimumPool = minimumPool;
  }

  void deadline(Phase phase, Instant dueAt) {
    deadlines.put(phase, dueAt);
  }

  public UUID getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public ClientOrganisation getClient() {
    return client;
  }

  public String getRegion() {
    return region;
  }

  /** How long the agenda is followed up after the handover, in months; null for no follow-up. */
  public Integer getFollowUpMonths() {
    return followUpMonths;
  }

  /** How many weeks lie between two status requests of the agenda's year; null without one. */
  public Integer getFollowUpIntervalWeeks() {
    return followUpIntervalWeeks;
  }

  /** How many stakeholder sessions the project holds, one after another. */
  public int getStakeholderSessions() {
    return stakeholderSessions;
  }

  /** The standing pool the project belongs to; null for a project of its own. */
  public UUID getStandingPoolId() {
    return standingPoolId;
  }

  public int getTargetExperts() {
    return targetExperts;
  }

  public int getInterviewsPerExpert() {
    return interviewsPerExpert;
  }

  public List<String> getThemes() {
    return themes;
  }

  public Map<String, Map<String, String>> getThemeLabels() {
    return themeLabels == null ? Map.of() : Map.copyOf(themeLabels);
  }

  /** A theme's name in this language: its label there, or the theme as given (English). */
  public String themeLabel(String theme, String language) {
    if (themeLabels == null || theme == null) {
      return theme;
    }
    return themeLabels.getOrDefault(theme, Map.of()).getOrDefault(language, theme);
  }

  /** Themes' names in this language, in their order. */
  public List<String> themeLabels(List<String> themes, String language) {
    return themes.stream().map(t -> themeLabel(t, language)).toList();
  }

  public LocalDate getStartDate() {
    return startDate;
  }

  public int getRecruitmentWindowDays() {
    return recruitmentWindowDays;
  }

  public int getMinimumPool() {
    return minimumPool;
  }

  public int getRequiredSessions() {
    return requiredSessions;
  }

  public int getInterviewDeadlineDays() {
    return interviewDeadlineDays;
  }

  public int getRetentionDays() {
    return retentionDays;
  }

  /** When its personal data was anonymised, or null. */
  public Instant getAnonymisedAt() {
    return anonymisedAt;
  }

  public int getInterviewMinutes() {
    return interviewMinutes;
  }

  public BigDecimal getHourlyRate() {
    return hourlyRate;
  }

  public ProjectStatus getStatus() {
    return status;
  }

  public String getCurrentPhase() {
    return currentPhase;
  }

  public Long getProcessInstanceKey() {
    return processInstanceKey;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /** When the current process instance started; the creation for projects of earlier versions. */
  public Instant getProcessStartedAt() {
    return processStartedAt == null ? createdAt : processStartedAt;
  }

  public Map<Phase, Instant> getDeadlines() {
    return Map.copyOf(deadlines);
  }
}
