package nl.expertpool.interview;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.interview.Interview.Status;
import nl.expertpool.jobs.RefusedInput;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.milestone.MilestoneTracker;
import nl.expertpool.notification.Messenger;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.recruitment.Pool;
import nl.expertpool.recruitment.Pool.PoolMember;
import nl.expertpool.remuneration.Remuneration;
import nl.expertpool.web.JsonText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans the interviews of a project (every certified expert, the project's number each), stores
 * each one as the expert records it, reminds experts and marks what the deadline left missing.
 */
@Service
public class InterviewRound {

  /** The form a recorded interview comes from. */
  public static final String FORM = "record-network-interview";

  static final String UNIT = "interviews";

  private final ProjectLifecycle projects;
  private final Pool pool;
  private final MilestoneTracker milestones;
  private final Remuneration remuneration;
  private final Messenger notifications;
  private final AuditTrail audit;
  private final InterviewOverview findings;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  InterviewRound(
      ProjectLifecycle projects,
      Pool pool,
      MilestoneTracker milestones,
      Remuneration remuneration,
      Messenger notifications,
      AuditTrail audit,
      InterviewOverview findings,
      JdbcTemplate jdbc,
      ObjectMapper json,
      Clock clock) {
    this.projects = projects;
    this.pool = pool;
    this.milestones = milestones;
    this.remuneration = remuneration;
    this.notifications = notifications;
    this.audit = audit;
    this.findings = findings;
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** Who interviews how often, with what the form offers and when reminders and deadlines fall. */
  @Transactional
  public Plan plan(UUID projectId) {
    Project project = projects.get(projectId);
    List<String> experts =
        pool.pool(projectId).stream()
            .filter(PoolMember::certified)
            .map(e -> e.expertId().toString())
            .toList();
    List<Integer> slots =
        IntStream.rangeClosed(1, project.getInterviewsPerExpert()).boxed().toList();
    int planned = experts.size() * slots.size();
    // A resumed project plans again: what was recorded (or declined, or missed) is not asked again.
    Map<String, List<Integer>> openSlots = new java.util.LinkedHashMap<>();
    for (String expert : experts) {
      List<Integer> stored =
          jdbc.queryForList(
              "select slot from interview where project_id = ? and expert_id = ?",
              Integer.class,
              projectId,
              UUID.fromString(expert));
      openSlots.put(expert, slots.stream().filter(slot -> !stored.contains(slot)).toList());
    }
    milestones.progress(
        projectId, MilestoneKey.INTERVIEWS_COMPLETED, () -> done(projectId), planned, UNIT);
    int open = openSlots.values().stream().mapToInt(List::size).sum();
    if (open == planned) {
      audit.record(
          AuditTrail.ENGINE,
          "interviews.planned",
          AuditTrail.project(projectId),
          planned + " interviews by " + experts.size() + " experts");
    } else {
      audit.record(
          AuditTrail.ENGINE,
          "interviews.replanned",
          AuditTrail.project(projectId),
          open + " of " + planned + " interviews still open (the project was resumed)");
    }
    return new Plan(
        experts,
        slots,
        openSlots,
        themeOptions(project.getThemes()),
        "P7D",
        "P" + project.getInterviewDeadlineDays() + "D",
        planned);
  }

  /** The project's themes as form options. */
  public static List<Map<String, String>> themeOptions(List<String> themes) {
    return themes.stream().map(t -> Map.of("label", t, "value", t)).toList();
  }

  /**
   * Stores one recorded interview: a declined one without content, a consented one under a new
   * pseudonym for the interviewee, with the expert's paid time booked. A slot stored before stays
   * as it was. The words are kept as the expert typed them, marked with their language.
   *
   * @param language what the expert wrote in (a BCP 47 tag); null for the expert's own language, as
   *     their application gave it
   * @return the interview's status as stored
   */
  @Transactional
  public Status store(
      UUID projectId, UUID expertId, int slot, InterviewRecord form, String language) {
    Project project = projects.get(projectId);
    if (!pool.inPool(projectId, expertId)) {
      throw new RefusedInput("Expert " + expertId + " is not of project " + projectId);
    }
    if (slot < 1 || slot > project.getInterviewsPerExpert()) {
      throw new RefusedInput(
          "Interview "
              + slot
              + " is not one of the "
              + project.getInterviewsPerExpert()
              + " planned");
    }
    Integer before =
        jdbc.queryForObject(
            "select count(*) from interview where project_id = ? and expert_id = ? and slot = ?",
            Integer.class,
            projectId,
            expertId,
            slot);
    if (before != null && before > 0) {
      return statusOf(projectId, expertId, slot);
    }
    boolean declined = !form.consentGiven();
    UUID id = UUID.randomUUID();
    int stored;
    if (declined) {
      stored =
          jdbc.update(
              "insert into interview (id, project_id, expert_id, slot, status, recorded_at)"
                  + " values (?, ?, ?, ?, 'DECLINED', ?)"
                  + " on conflict (project_id, expert_id, slot) do nothing",
              id,
              projectId,
              expertId,
              slot,
              Timestamp.from(clock.instant()));
    } else {
      List<String> themes = form.themes().stream().filter(project.getThemes()::contains).toList();
      String writtenIn = language != null ? language : pool.recipientOf(expertId).language();
      stored =
          jdbc.update(
              "insert into interview (id, project_id, expert_id, slot, status,"
                  + " interviewee_pseudonym, age_band, gender, residence_status, time_in_nl,"
                  + " themes, needs, key_quotes, insights, solutions, recorded_at, language)"
                  + " values (?, ?, ?, ?, 'RECORDED', ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb,"
                  + " ?, ?::jsonb, ?, ?) on conflict (project_id, expert_id, slot) do nothing",
              id,
              projectId,
              expertId,
              slot,
              nextPseudonym(projectId),
              form.ageBand(),
              form.gender(),
              form.residenceStatus(),
              form.timeInNetherlands(),
              write(themes),
              write(form.needs()),
              write(form.keyQuotes()),
              form.insights(),
              write(form.solutions()),
              Timestamp.from(clock.instant()),
              writtenIn);
      if (stored == 1) {
        remuneration.book(
            projectId,
            expertId,
            Remuneration.Kind.INTERVIEW,
            "interview:" + id,
            project.getInterviewMinutes());
      }
    }
    Status status = statusOf(projectId, expertId, slot);
    if (stored == 1) {
      updateProgress(projectId);
      audit.record(
          AuditTrail.ENGINE,
          "interview." + status.name().toLowerCase(java.util.Locale.ROOT),
          AuditTrail.project(projectId),
          "expert " + expertId + ", interview " + slot);
    }
    return status;
  }

  /** Marks each of the expert's interview slots that holds nothing yet as missing. */
  @Transactional
  public int recordMissing(UUID projectId, UUID expertId) {
    if (!pool.inPool(projectId, expertId)) {
      return 0; // an id from elsewhere: nothing of this project to record
    }
    int slots = projects.get(projectId).getInterviewsPerExpert();
    int missing = 0;
    for (int slot = 1; slot <= slots; slot++) {
      missing +=
          jdbc.update(
              "insert into interview (id, project_id, expert_id, slot, status, recorded_at)"
                  + " values (?, ?, ?, ?, 'MISSING', ?)"
                  + " on conflict (project_id, expert_id, slot) do nothing",
              UUID.randomUUID(),
              projectId,
              expertId,
              slot,
              Timestamp.from(clock.instant()));
    }
    if (missing > 0) {
      updateProgress(projectId);
      audit.record(
          AuditTrail.ENGINE,
          "interview.missing",
          AuditTrail.project(projectId),
          "expert " + expertId + ", " + missing + " interviews");
    }
    return missing;
  }

  /**
   * Reminds the expert of the interviews still to record.
   *
   * @return how many are still open
   */
  @Transactional
  public int remind(UUID projectId, UUID expertId) {
    if (!pool.inPool(projectId, expertId)) {
      return 0; // an id from elsewhere: nobody of this project to remind
    }
    Project project = projects.get(projectId);
    Integer stored =
        jdbc.queryForObject(
            "select count(*) from interview where project_id = ? and expert_id = ?",
            Integer.class,
            projectId,
            expertId);
    int open = project.getInterviewsPerExpert() - (stored == null ? 0 : stored);
    if (open > 0) {
      notifications.send(pool.recipientOf(expertId), "interview-reminder", project.getName(), open);
      audit.record(
          AuditTrail.ENGINE,
          "interview.reminder-sent",
          AuditTrail.project(projectId),
          "expert " + expertId + ", " + open + " open");
    }
    return open;
  }

  private int done(UUID projectId) {
    InterviewOverview.Counts counts = findings.counts(projectId);
    return counts.recorded() + counts.declined() + counts.missing();
  }

  private void updateProgress(UUID projectId) {
    var milestone =
        milestones.of(projectId).stream()
            .filter(m -> m.getKey() == MilestoneKey.INTERVIEWS_COMPLETED)
            .findFirst()
            .orElseThrow();
    int total =
        milestone.getProgressTotal() == null
            ? projects.get(projectId).getInterviewsPerExpert()
            : milestone.getProgressTotal();
    milestones.progress(
        projectId, MilestoneKey.INTERVIEWS_COMPLETED, () -> done(projectId), total, UNIT);
  }

  private Status statusOf(UUID projectId, UUID expertId, int slot) {
    return Status.valueOf(
        jdbc.queryForObject(
            "select status from interview where project_id = ? and expert_id = ? and slot = ?",
            String.class,
            projectId,
            expertId,
            slot));
  }

  private String nextPseudonym(UUID projectId) {
    Integer number =
        jdbc.queryForObject(
            "insert into interviewee_counter (project_id, last) values (?, 1)"
                + " on conflict (project_id) do update set last = interviewee_counter.last + 1"
                + " returning last",
            Integer.class,
            projectId);
    return "I-%03d".formatted(number);
  }

  private String write(Object value) {
    return JsonText.write(json, value);
  }

  /**
   * @param expertIds the certified experts, as the multi-instance collection
   * @param slots 1 to the project's interviews per expert
   * @param openSlots per expert, the slots with no interview stored yet: all of them, but for a
   *     project resumed in this phase
   * @param themeOptions the project's themes as form options
   * @param reminder when the experts are reminded (ISO-8601 duration)
   * @param deadline when open interviews count as missing (ISO-8601 duration)
   */
  public record Plan(
      List<String> expertIds,
      List<Integer> slots,
      Map<String, List<Integer>> openSlots,
      List<Map<String, String>> themeOptions,
      String reminder,
      String deadline,
      int planned) {}
}
