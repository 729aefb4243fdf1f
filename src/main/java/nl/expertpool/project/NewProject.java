package nl.expertpool.project;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a project manager gives to start a project. The optional plan fields default: a 14-day
 * recruitment window, a minimum pool of 60 % of the target, one training session to be certified,
 * deadlines per phase (keys as {@link Phase#key()}) from the start date on, 21 days for each
 * expert's interviews, 90 paid minutes per interview, and personal data kept 180 days after the
 * project ends. A theme is named in English; {@code themeLabels} names it in other languages, by
 * language code: {@code {"housing": {"nl": "wonen"}}}. {@code poolId} names the standing pool the
 * project belongs to, if any. {@code stakeholderSessions} is how many stakeholder (make) sessions
 * the project holds, one after another, each with its own plan and part of the agenda: one unless
 * set.
 */
public record NewProject(
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Size(max = 200) String clientName,
    @NotBlank @Size(max = 120) String region,
    @NotNull @Min(1) @Max(500) Integer targetExperts,
    @NotNull @Min(1) @Max(20) Integer interviewsPerExpert,
    @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 80) String> themes,
    @NotNull LocalDate startDate,
    @Min(1) @Max(120) Integer recruitmentWindowDays,
    @Min(1) @Max(500) Integer minimumPool,
    @Min(1) @Max(20) Integer requiredSessions,
    @DecimalMin("0.00") @Digits(integer = 6, fraction = 2) BigDecimal hourlyRate,
    Map<String, LocalDate> deadlines,
    @Min(1) @Max(90) Integer interviewDeadlineDays,
    @Min(15) @Max(480) Integer interviewMinutes,
    @Min(1) @Max(3650) Integer retentionDays,
    @Size(max = 20)
        Map<
                @NotBlank @Size(max = 80) String,
                @NotNull @Size(max = 10) Map<
                    @NotNull @jakarta.validation.constraints.Pattern(regexp = "[a-z]{2}") String,
                    @NotBlank @Size(max = 80) String>>
            themeLabels,
    UUID poolId,
    @Min(1) @Max(20) Integer stakeholderSessions,
    @jakarta.validation.Valid AgendaYear agendaYear) {

  /**
   * The agenda's year after the handover, when the project has one: for so many months (12 when
   * left out) each action's owner is asked for its status every so many weeks (8 when left out),
   * and a follow-up session ends it.
   */
  public record AgendaYear(
      @Min(1) @Max(36) Integer months, @Min(1) @Max(26) Integer intervalWeeks) {

    public static final int DEFAULT_MONTHS = 12;
    public static final int DEFAULT_INTERVAL_WEEKS = 8;

    int monthsOrDefault() {
      return months == null ? DEFAULT_MONTHS : months;
    }

    int intervalWeeksOrDefault() {
      return intervalWeeks == null ? DEFAULT_INTERVAL_WEEKS : intervalWeeks;
    }
  }

  /** A plan without the interview settings, which then default. */
  public NewProject(
      String name,
      String clientName,
      String region,
      Integer targetExperts,
      Integer interviewsPerExpert,
      List<String> themes,
      LocalDate startDate,
      Integer recruitmentWindowDays,
      Integer minimumPool,
      Integer requiredSessions,
      BigDecimal hourlyRate,
      Map<String, LocalDate> deadlines) {
    this(
        name,
        clientName,
        region,
        targetExperts,
        interviewsPerExpert,
        themes,
        startDate,
        recruitmentWindowDays,
        minimumPool,
        requiredSessions,
        hourlyRate,
        deadlines,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public static final BigDecimal DEFAULT_HOURLY_RATE = new BigDecimal("25.00");
  public static final int DEFAULT_RECRUITMENT_WINDOW_DAYS = 14;
  public static final int DEFAULT_REQUIRED_SESSIONS = 1;
  public static final int DEFAULT_STAKEHOLDER_SESSIONS = 1;
  public static final int DEFAULT_INTERVIEW_DEADLINE_DAYS = 21;
  public static final int DEFAULT_INTERVIEW_MINUTES = 90;
  public static final int DEFAULT_RETENTION_DAYS = 180;

  /** 60 % of the target, at least one. */
  public static int defaultMinimumPool(int targetExperts) {
    return Math.max(1, (int) Math.ceil(targetExperts * 0.6));
  }

  int recruitmentWindowDaysOrDefault() {
    return recruitmentWindowDays == null ? DEFAULT_RECRUITMENT_WINDOW_DAYS : recruitmentWindowDays;
  }

  int minimumPoolOrDefault() {
    return minimumPool == null ? defaultMinimumPool(targetExperts) : minimumPool;
  }

  int requiredSessionsOrDefault() {
    return requiredSessions == null ? DEFAULT_REQUIRED_SESSIONS : requiredSessions;
  }

  int stakeholderSessionsOrDefault() {
    return stakeholderSessions == null ? DEFAULT_STAKEHOLDER_SESSIONS : stakeholderSessions;
  }

  int interviewDeadlineDaysOrDefault() {
    return interviewDeadlineDays == null ? DEFAULT_INTERVIEW_DEADLINE_DAYS : interviewDeadlineDays;
  }

  int retentionDaysOrDefault() {
    return retentionDays == null ? DEFAULT_RETENTION_DAYS : retentionDays;
  }

  int interviewMinutesOrDefault() {
    return interviewMinutes == null ? DEFAULT_INTERVIEW_MINUTES : interviewMinutes;
  }

  BigDecimal hourlyRateOrDefault() {
    return hourlyRate == null ? DEFAULT_HOURLY_RATE : hourlyRate;
  }
}
