package nl.expertpool.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.awaitility.core.ConditionFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * One project through its lifecycle by the app's REST API alone, as its project manager does it:
 * recruitment (applications by the public sign-up), training, interviews, the synthesis, the
 * stakeholder session, feedback and the handover. The smoke suite runs it on a real cluster; the
 * two-replica test runs it with every request going to the next of two apps.
 */
public final class ApiProjectRun {

  /** The engine behind the apps: its clock, and where a phase waits. */
  public interface Cluster {

    Instant now();

    void increaseTime(Duration duration);

    /**
     * Waits until the project's phase (a process called by its main instance) waits at this
     * element, typically a timer: moving the clock before would not fire it.
     */
    void awaitWaitingAt(long instance, String phase, String elementId);
  }

  private final Supplier<RestClient> api;
  private final Cluster cluster;
  private final String token;
  private final List<String> people;
  private final Duration wait;

  /**
   * @param api the app to send the next request to, signed in as the project manager
   * @param token makes this run's personal data unique
   * @param people the applicants, all of whom are accepted
   */
  public ApiProjectRun(
      Supplier<RestClient> api, Cluster cluster, String token, List<String> people, Duration wait) {
    this.api = api;
    this.cluster = cluster;
    this.token = token;
    this.people = List.copyOf(people);
    this.wait = wait;
  }

  public String createProject() {
    var project =
        NewProjects.json(
            "Smoke test pool",
            2,
            1,
            List.of("housing", "work"),
            LocalDate.now(ZoneOffset.UTC).toString());
    project.put("retentionDays", 1);
    JsonNode created = post("/api/projects", project);
    assertThat(created.path("status").asText()).isEqualTo("ACTIVE");
    return created.path("id").asText();
  }

  public void recruit(String project, long instance) {
    awaitMilestone(project, "PROJECT_STARTED");
    cluster.awaitWaitingAt(instance, "expert-recruitment", "WindowClosesTimer");
    String code = get("/api/projects/" + project + "/recruitment").path("signUpCode").asText();
    for (String name : people) {
      post("/api/projects/" + project + "/applications", application(code, name));
    }
    cluster.increaseTime(Duration.ofDays(14));

    JsonNode screening = task(project, "screen-candidates");
    for (JsonNode candidate : screening.at("/data/candidates")) {
      assertThat(candidate.path("label").asText()).startsWith("Candidate A-");
    }
    var decisions = acceptAll(screening.at("/data/candidates"));
    assertThat(decisions).hasSize(people.size());
    complete(screening, Map.of("candidates", decisions));
    awaitMilestone(project, "EXPERTS_RECRUITED");
  }

  /** The screening form's decisions that accept every candidate listed. */
  public static List<Map<String, Object>> acceptAll(JsonNode candidates) {
    var decisions = new ArrayList<Map<String, Object>>();
    for (JsonNode candidate : candidates) {
      decisions.add(
          Map.of(
              "label",
              candidate.path("label").asText(),
              "applicationId",
              candidate.path("applicationId").asText(),
              "decision",
              "accept",
              "note",
              ""));
    }
    return decisions;
  }

  public void train(String project, long instance) {
    String startsAt = cluster.now().plus(Duration.ofDays(1)).toString();
    complete(
        task(project, "schedule-training"),
        Map.of(
            "sessions",
            List.of(
                Map.of(
                    "startsAt",
                    startsAt,
                    "durationHours",
                    3,
                    "location",
                    "Library Almere",
                    "trainer",
                    "Trainer " + token))));
    cluster.awaitWaitingAt(instance, "expert-training", "LastSessionEndedTimer");
    cluster.increaseTime(Duration.ofDays(2));

    JsonNode attendance = task(project, "record-attendance");
    var rows = new ArrayList<Map<String, Object>>();
    for (JsonNode row : attendance.at("/data/attendance")) {
      rows.add(
          Map.of(
              "expertId", row.path("expertId").asText(),
              "expertLabel", row.path("expertLabel").asText(),
              "sessionId", row.path("sessionId").asText(),
              "sessionLabel", row.path("sessionLabel").asText(),
              "attended", true));
    }
    complete(attendance, Map.of("attendance", rows));
    awaitMilestone(project, "TRAINING_COMPLETED");
  }

  public void interviewAndSynthesise(String project) {
    for (JsonNode interview : tasks(project, "record-network-interview", people.size())) {
      complete(interview, LifecycleDriver.interview("housing"));
    }
    awaitMilestone(project, "INTERVIEWS_COMPLETED");
    complete(task(project, "review-synthesis"), Map.of("synthesisDecision", "approve"));
    awaitMilestone(project, "INSIGHTS_SYNTHESISED");
  }

  public void holdTheSession(String project, long instance) {
    complete(
        task(project, "plan-stakeholder-session"),
        LifecycleDriver.sessionPlan(cluster.now().plus(Duration.ofDays(3))));
    cluster.awaitWaitingAt(instance, "stakeholder-session", "ReminderDueTimer");
    cluster.increaseTime(Duration.ofDays(3).plusHours(1));
    complete(task(project, "record-session-outcome"), LifecycleDriver.sessionOutcome());
    awaitMilestone(project, "ACTION_AGENDA_DRAFTED");
  }

  public void giveFeedback(String project) {
    for (JsonNode feedback : tasks(project, "give-feedback", people.size())) {
      var items = new ArrayList<Map<String, Object>>();
      for (JsonNode item : feedback.at("/data/feedbackItems")) {
        items.add(
            Map.of(
                "position", item.path("position").asInt(),
                "theme", item.path("theme").asText(),
                "action", item.path("action").asText(),
                "support", "5",
                "comment", "With us in the lead " + token));
      }
      complete(feedback, Map.of("feedbackItems", items));
    }
    awaitMilestone(project, "FEEDBACK_INCORPORATED");
  }

  public void handOver(String project) {
    complete(
        task(project, "hold-handover-meeting"), LifecycleDriver.handoverMeeting(cluster.now()));
    complete(
        task(project, "accept-handover"),
        Map.of("handoverAccepted", true, "clientRemarks", "Thank you"));
    waiting()
        .until(() -> get("/api/projects/" + project).path("status").asText(), "COMPLETED"::equals);
    awaitMilestone(project, "HANDOVER_COMPLETED");
  }

  public static Map<String, Object> application(String code, String name) {
    var application = new HashMap<String, Object>();
    application.put("signUpCode", code);
    application.put("name", name);
    application.put("email", name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.org");
    application.put("languages", List.of("uk", "en"));
    application.put("motivation", "I want to help newcomers like me.");
    application.put("preferredLanguage", "nl");
    application.put(
        "consent", Map.of("given", true, "textVersion", "2026-01", "method", "web-form"));
    return application;
  }

  /** The project's open task with this form, with its data, once there is one. */
  private JsonNode task(String project, String formId) {
    return tasks(project, formId, 1).getFirst();
  }

  /** The project's open tasks with this form, with their data, once there are this many. */
  private List<JsonNode> tasks(String project, String formId, int count) {
    List<String> ids =
        waiting()
            .until(
                () -> {
                  var found = new ArrayList<String>();
                  for (JsonNode task : get("/api/tasks?projectId=" + project)) {
                    if (formId.equals(task.path("formId").asText())) {
                      found.add(task.path("id").asText());
                    }
                  }
                  return found;
                },
                found -> found.size() >= count);
    return ids.stream().map(id -> get("/api/tasks/" + id)).toList();
  }

  private void complete(JsonNode task, Map<String, Object> variables) {
    post("/api/tasks/" + task.path("id").asText() + "/completion", Map.of("variables", variables));
  }

  public void awaitMilestone(String project, String key) {
    waiting()
        .until(
            () -> {
              for (JsonNode milestone : get("/api/projects/" + project + "/milestones")) {
                if (key.equals(milestone.path("key").asText())) {
                  return milestone.path("status").asText();
                }
              }
              return null;
            },
            "REACHED"::equals);
  }

  private ConditionFactory waiting() {
    return await().atMost(wait).pollInterval(Duration.ofMillis(500));
  }

  public JsonNode get(String path) {
    return api.get().get().uri(path).retrieve().body(JsonNode.class);
  }

  public JsonNode post(String path, Object body) {
    return api.get()
        .post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .body(JsonNode.class);
  }
}
