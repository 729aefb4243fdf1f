package nl.expertpool.project.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.project.NewProject;

/**
 * A project as the API shows it: plan, settings, status and phase; no personal data. The process
 * instance's key, which opens the project in Operate, is for the research organisation only.
 */
public record ProjectView(
    UUID id,
    String name,
    String clientName,
    String region,
    int targetExperts,
    int interviewsPerExpert,
    List<String> themes,
    Map<String, Map<String, String>> themeLabels,
    LocalDate startDate,
    int recruitmentWindowDays,
    int minimumPool,
    int requiredSessions,
    int interviewDeadlineDays,
    int interviewMinutes,
    int retentionDays,
    Instant anonymisedAt,
    BigDecimal hourlyRate,
    Map<String, Instant> deadlines,
    String status,
    String currentPhase,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long processInstanceKey,
    Instant createdAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) UUID standingPoolId,
    int stakeholderSessions,
    @JsonInclude(JsonInclude.Include.NON_NULL) NewProject.AgendaYear agendaYear) {}
