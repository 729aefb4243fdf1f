package nl.expertpool.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import nl.expertpool.feedback.workers.FeedbackWorkers;
import nl.expertpool.handover.workers.HandoverWorkers;
import nl.expertpool.insight.workers.InsightWorkers;
import nl.expertpool.interview.workers.InterviewWorkers;
import nl.expertpool.project.workers.ProjectWorkers;
import nl.expertpool.recruitment.workers.RecruitmentWorkers;
import nl.expertpool.session.workers.SessionWorkers;
import nl.expertpool.training.workers.TrainingWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker for every job type of the app that touches no database: it completes the job at once
 * with the variables the models read (gateways, timers, multi-instance collections, form data),
 * shaped like the real workers' answers. What a real worker would look up is kept in memory here.
 */
final class NoOpWorkers implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(NoOpWorkers.class);
  private static final List<String> THEMES = List.of("housing", "work");

  /** What the real workers would read from the database about a project. */
  private record Plan(int experts, int interviews, List<String> applications, List<String> pool) {}

  private final Clock clock;
  private final Map<String, Plan> plans = new ConcurrentHashMap<>();
  private final List<JobWorker> workers = new ArrayList<>();

  NoOpWorkers(CamundaClient client, Clock clock, Set<String> jobTypes) {
    this.clock = clock;
    for (String type : jobTypes) {
      workers.add(
          client
              .newWorker()
              .jobType(type)
              .handler(this::handle)
              .fetchVariables("projectId", "sessions", "sessionAt")
              .streamEnabled(true)
              .open());
    }
  }

  void plan(UUID projectId, int experts, int interviews) {
    var pool = IntStream.range(0, experts).mapToObj(i -> UUID.randomUUID().toString()).toList();
    plans.put(
        projectId.toString(),
        new Plan(
            experts, interviews, java.util.Collections.synchronizedList(new ArrayList<>()), pool));
  }

  void applied(UUID projectId, UUID applicationId) {
    plans.get(projectId.toString()).applications().add(applicationId.toString());
  }

  private void handle(JobClient jobs, ActivatedJob job) {
    jobs.newCompleteCommand(job)
        .variables(variables(job))
        .send()
        .exceptionally(
            e -> {
              // NOT_FOUND: a timer cancelled the job meanwhile (the clock jumps make that common).
              if (!String.valueOf(e.getMessage()).contains("NOT_FOUND")) {
                log.warn(
                    "No-op worker could not complete job {} ({}): {}",
                    job.getKey(),
                    job.getType(),
                    e.toString());
              }
              return null;
            });
  }

  private Map<String, Object> variables(ActivatedJob job) {
    Map<String, Object> in = job.getVariablesAsMap();
    Plan plan = plans.get(String.valueOf(in.get("projectId")));
    Instant now = clock.instant();
    return switch (job.getType()) {
      case RecruitmentWorkers.OPEN_CALL -> window(now, 0);
      case RecruitmentWorkers.EXTEND_WINDOW -> window(now, 1);
      case RecruitmentWorkers.CHECK_PROGRESS ->
          Map.of("belowTarget", plan.applications().size() < plan.experts());
      case RecruitmentWorkers.PREPARE_SCREENING -> {
        var candidates = new ArrayList<Map<String, Object>>();
        for (String id : List.copyOf(plan.applications())) {
          candidates.add(Map.of("applicationId", id, "label", "Candidate A-" + id.substring(0, 4)));
        }
        yield Map.of("candidates", candidates, "candidateCount", candidates.size());
      }
      case RecruitmentWorkers.STORE_DECISIONS ->
          Map.of(
              "acceptedCount",
              plan.experts(),
              "minimumPool",
              (int) Math.ceil(plan.experts() * 0.6),
              "enoughExperts",
              true);
      case TrainingWorkers.SCHEDULE_SESSIONS ->
          Map.of("trainingRound", 1, "lastSessionEnds", lastSessionEnds(in, now).toString());
      case TrainingWorkers.PREPARE_ATTENDANCE ->
          Map.of(
              "attendance",
              plan.pool().stream()
                  .map(
                      id ->
                          Map.of(
                              "expertId",
                              id,
                              "expertLabel",
                              "Expert E-" + id.substring(0, 4),
                              "sessionId",
                              "session-1",
                              "sessionLabel",
                              "Session 1",
                              "attended",
                              false))
                  .toList());
      case TrainingWorkers.CERTIFY_EXPERTS -> Map.of("certifiedCount", plan.experts());
      case InterviewWorkers.PREPARE ->
          Map.of(
              "expertIds",
              plan.pool(),
              "interviewSlots",
              IntStream.rangeClosed(1, plan.interviews()).boxed().toList(),
              "openSlots",
              plan.pool().stream()
                  .collect(
                      java.util.stream.Collectors.toMap(
                          id -> id,
                          id -> IntStream.rangeClosed(1, plan.interviews()).boxed().toList())),
              "projectThemes",
              options(),
              "interviewReminder",
              "P7D",
              "interviewDeadline",
              "P21D",
              "interviewsPlanned",
              plan.experts() * plan.interviews());
      case InsightWorkers.SYNTHESISE, InsightWorkers.APPLY_REVISION ->
          Map.of(
              "synthesisVersion",
              1,
              "synthesisThemes",
              THEMES.stream().map(t -> Map.of("theme", t)).toList(),
              "interviewsRecorded",
              plan.experts() * plan.interviews());
      case SessionWorkers.INVITE -> {
        Instant at = Instant.parse(String.valueOf(in.get("sessionAt")));
        yield Map.of(
            "sessionAt", at.toString(),
            "reminderAt", at.minus(Duration.ofDays(2)).toString(),
            "invitedOrganisations", 1);
      }
      case SessionWorkers.PREPARE_OUTCOME ->
          Map.of(
              "projectThemes",
              options(),
              "insightOptions",
              options(),
              "expertOptions",
              plan.pool().stream()
                  .map(id -> Map.of("label", "Expert " + id, "value", id))
                  .toList());
      case SessionWorkers.STORE_AGENDA -> Map.of("agendaItemCount", 1);
      case FeedbackWorkers.PREPARE ->
          Map.of(
              "expertIds",
              plan.pool(),
              "feedbackItems",
              List.of(
                  Map.of(
                      "position", 1,
                      "theme", "housing",
                      "action", "Open a starters' housing desk with the experts")),
              "feedbackReminder",
              "P5D",
              "feedbackDeadline",
              "P10D");
      case FeedbackWorkers.AGGREGATE -> Map.of("flaggedCount", 0, "flaggedItems", List.of());
      case HandoverWorkers.SETTLE -> Map.of("settledHours", "0");
      case ProjectWorkers.EXTEND_DEADLINE ->
          Map.of(
              job.getCustomHeaders().get("deadlineVariable"),
              now.plus(Duration.ofDays(7)).toString());
      default -> Map.of();
    };
  }

  private static Map<String, Object> window(Instant now, int extensions) {
    return Map.of(
        "recruitmentId", UUID.randomUUID().toString(),
        "windowCloses", now.plus(Duration.ofDays(14)).toString(),
        "windowHalfway", now.plus(Duration.ofDays(7)).toString(),
        "windowExtensions", extensions);
  }

  private static List<Map<String, String>> options() {
    return THEMES.stream().map(t -> Map.of("label", t, "value", t)).toList();
  }

  @SuppressWarnings("unchecked")
  private static Instant lastSessionEnds(Map<String, Object> in, Instant now) {
    Instant last = now;
    if (in.get("sessions") instanceof List<?> sessions) {
      for (Object s : sessions) {
        var session = (Map<String, Object>) s;
        Instant ends =
            Instant.parse(String.valueOf(session.get("startsAt")))
                .plus(
                    Duration.ofMinutes(
                        Math.round(((Number) session.get("durationHours")).doubleValue() * 60)));
        if (ends.isAfter(last)) {
          last = ends;
        }
      }
    }
    return last;
  }

  @Override
  public void close() {
    workers.forEach(JobWorker::close);
  }
}
