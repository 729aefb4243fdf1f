package nl.expertpool.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Recruitment and training through the REST API only, and what bad input gets back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LifecycleApiIntegrationTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired LifecycleDriver driver;
  @Autowired nl.expertpool.security.PasswordSetup passwordLinks;

  /** Makes this run's names unique, so the database can be searched for them afterwards. */
  /** An expert's own account, made by a project manager during the run. */
  private static final String NEW_EXPERT = "expert-" + Long.toString(System.nanoTime(), 36);

  private static final String NEW_EXPERT_PASSWORD = "letters-at-night";
  private static final String NEW_EXPERT_LOGIN = NEW_EXPERT + ":" + NEW_EXPERT_PASSWORD;

  private final String token =
      "Q"
          + Long.toString(System.nanoTime() % 1_000_000_000L, 36)
              .toUpperCase(java.util.Locale.ROOT);

  private final List<String> people =
      List.of("Olena Koval" + token, "Andrii Melnyk" + token, "Iryna Bondar" + token);
  private final List<String> applicationIds = new ArrayList<>();

  @Test
  void aProjectRunsThroughTheApiToCompletionAndItsPersonalDataIsGoneAfterRetention() {
    String project = createProject(3, 2, Map.<String, Object>of("months", 2, "intervalWeeks", 3));
    String code = await().until(() -> signUpCode(project), c -> c != null);
    // Double opt-in: each applicant confirms with the link the app sends (here: writes to the log).
    var log = new ListAppender<ILoggingEvent>();
    log.start();
    var notifier = (Logger) LoggerFactory.getLogger("nl.expertpool.notification.LoggingNotifier");
    notifier.addAppender(log);
    try {
      for (String name : people) {
        var applied =
            post(null, "/api/projects/" + project + "/applications", application(code, name));
        assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(applied.getBody().path("status").asText()).isEqualTo("confirmation-sent");
        assertThat(applied.getBody().has("applicationId")).isFalse();
      }
      var again =
          post(
              null, "/api/projects/" + project + "/applications", application(code, people.get(0)));
      assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
      assertThat(again.getBody())
          .isEqualTo(
              post(
                      null,
                      "/api/projects/" + project + "/applications",
                      application(code, people.get(1)))
                  .getBody());
    } finally {
      notifier.detachAppender(log);
    }
    var links =
        log.list.stream()
            .map(ILoggingEvent::getFormattedMessage)
            .filter(line -> line.startsWith("Notification 'application-confirm'"))
            .toList();
    assertThat(links).as("one message per address, also for a repeated application").hasSize(3);
    assertThat(applications(project)).isEqualTo(3);
    assertThat(driver.call.belowTarget(java.util.UUID.fromString(project)))
        .as("nothing counts before it is confirmed")
        .isTrue();
    for (String line : links) {
      applicationIds.add(line.replaceFirst("^.* to person ([0-9a-f-]{36}) .*$", "$1"));
      String link = line.substring(line.lastIndexOf("its link: ") + "its link: ".length());
      String path = java.net.URI.create(link).getPath();
      var page = http.getForEntity(path, String.class);
      assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(page.getBody()).contains("data-page=\"apply-confirm\"", "Expert pool Almere");
      assertThat(driver.confirmation.confirmByLink(path.substring(path.lastIndexOf('/') + 1)))
          .isPresent();
    }

    advanceClock("P14D");
    JsonNode screening = taskWithForm(project, "screen-candidates", "staff");
    assertThat(screening.at("/form/id").asText()).isEqualTo("screen-candidates");
    assertThat(screening.at("/data/candidates")).hasSize(3);
    assertThat(screening.at("/data/candidates/0/label").asText()).startsWith("Candidate A-");
    assertThat(screening.at("/display/applicants").toString()).contains(people.getFirst());
    assertThat(screening.path("data").toString()).doesNotContain(token);
    var decisions = ApiProjectRun.acceptAll(screening.at("/data/candidates"));
    complete("staff", screening, Map.of("candidates", decisions));

    JsonNode schedule = taskWithForm(project, "schedule-training", "staff");
    String startsAt = now().plus(1, ChronoUnit.DAYS).toString();
    complete(
        "staff",
        schedule,
        Map.of(
            "sessions",
            List.of(
                Map.of(
                    "startsAt",
                    startsAt,
                    "durationHours",
                    2.5,
                    "location",
                    "Library Almere",
                    "trainer",
                    "Trainer T"))));

    driver.awaitActive(java.util.UUID.fromString(project), "LastSessionEndedTimer");
    advanceClock("P2D");
    JsonNode attendance = taskWithForm(project, "record-attendance", "staff");
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
    complete("staff", attendance, Map.of("attendance", rows));

    await()
        .until(
            () -> milestones("client", project).path(2).path("status").asText(), "REACHED"::equals);
    JsonNode milestones = milestones("client", project);
    assertThat(milestones.path(0).path("key").asText()).isEqualTo("PROJECT_STARTED");
    assertThat(milestones.path(1).path("status").asText()).isEqualTo("REACHED");
    assertThat(milestones.path(1).at("/progress/current").asInt()).isEqualTo(3);
    assertThat(milestones.path(1).at("/progress/total").asInt()).isEqualTo(3);
    assertThat(milestones.path(2).path("key").asText()).isEqualTo("TRAINING_COMPLETED");
    assertThat(milestones.path(3).path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(get("pm", "/api/projects/" + project).getBody().path("currentPhase").asText())
        .isEqualTo("INTERVIEWS");

    linkExpertAccounts(rows.stream().map(r -> (String) r.get("expertId")).distinct().toList());
    interviewsSynthesisAndSessionThroughTheApi(project);
    feedbackHandoverAndRetentionThroughTheApi(project);
  }

  /** A new account for the first expert; the demo {@code expert} account for the other two. */
  private void linkExpertAccounts(List<String> expertIds) {
    assertThat(expertIds).hasSize(3);
    String first = "/api/people/" + expertIds.getFirst() + "/account";
    var chosenByManager =
        put("pm", first, Map.of("username", NEW_EXPERT, "password", NEW_EXPERT_PASSWORD));
    assertThat(chosenByManager.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(chosenByManager.getBody().at("/errors/0/field").asText()).isEqualTo("password");
    var staffAccount = put("pm", first, Map.of("username", "staff"));
    assertThat(staffAccount.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(staffAccount.getBody().at("/errors/0/reason").asText())
        .isEqualTo("is a STAFF account; only expert accounts can be linked");
    assertThat(put("staff", first, Map.of("username", NEW_EXPERT)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    var created = put("pm", first, Map.of("username", NEW_EXPERT));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(created.getBody().path("accountCreated").asBoolean()).isTrue();
    assertThat(created.getBody().has("password")).isFalse();
    // The expert chooses the password with the one-time link; nobody else knows it.
    String link = created.getBody().path("setPasswordLink").asText();
    assertThat(link).contains("/account/set-password/");
    String token = link.substring(link.lastIndexOf('/') + 1);
    assertThat(passwordLinks.setPassword(token, NEW_EXPERT_PASSWORD)).isEmpty();
    for (String other : expertIds.subList(1, 3)) {
      var linked = put("pm", "/api/people/" + other + "/account", Map.of("username", "expert"));
      assertThat(linked.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(linked.getBody().path("accountCreated").asBoolean()).isFalse();
    }
  }

  /** Experts give feedback, staff hand over, the client accepts; then retention runs out. */
  private void feedbackHandoverAndRetentionThroughTheApi(String project) {
    var feedbackTasks = new LinkedHashMap<String, String>();
    tasksWithForm(project, "give-feedback", NEW_EXPERT_LOGIN, 1)
        .forEach(id -> feedbackTasks.put(id, NEW_EXPERT_LOGIN));
    tasksWithForm(project, "give-feedback", "expert", 2)
        .forEach(id -> feedbackTasks.put(id, "expert"));
    for (var entry : feedbackTasks.entrySet()) {
      String id = entry.getKey();
      JsonNode task = get(entry.getValue(), "/api/tasks/" + id).getBody();
      var items = new ArrayList<Map<String, Object>>();
      for (JsonNode item : task.at("/data/feedbackItems")) {
        items.add(
            Map.of(
                "position", item.path("position").asInt(),
                "theme", item.path("theme").asText(),
                "action", item.path("action").asText(),
                "support", "4",
                "comment", "Good, with us in the lead"));
      }
      complete(entry.getValue(), task, Map.of("feedbackItems", items));
    }
    await()
        .until(
            () -> milestones("client", project).path(6).path("status").asText(), "REACHED"::equals);
    JsonNode support = get("client", "/api/projects/" + project + "/feedback").getBody();
    assertThat(support.at("/items/0/meanSupport").decimalValue()).isEqualByComparingTo("4");
    assertThat(support.at("/items/0/comments")).isEmpty();
    assertThat(support.at("/responses/GIVEN").asInt()).isEqualTo(3);

    complete(
        "staff",
        taskWithForm(project, "hold-handover-meeting", "staff"),
        LifecycleDriver.handoverMeeting(now()));
    JsonNode accept = taskWithForm(project, "accept-handover", "client");
    var pdf =
        http.exchange(
            "/api/projects/" + project + "/handover-package",
            HttpMethod.GET,
            new HttpEntity<>(accept("client", "application/pdf")),
            byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");
    var html =
        http.exchange(
            "/api/projects/" + project + "/handover-package",
            HttpMethod.GET,
            new HttpEntity<>(accept("client", "text/html")),
            String.class);
    assertThat(html.getBody()).contains("Method guide").doesNotContain(token, "Nobody explained");
    complete("client", accept, Map.of("handoverAccepted", true, "clientRemarks", "Thank you"));
    agendaYearThroughItsLinks(project);

    await()
        .until(
            () -> get("client", "/api/projects/" + project).getBody().path("status").asText(),
            "COMPLETED"::equals);
    JsonNode pay = get("pm", "/api/projects/" + project + "/remuneration").getBody();
    assertThat(pay.path("settledAt").isNull()).isFalse();
    assertThat(pay.path("experts")).hasSize(3);
    assertThat(get("client", "/api/projects/" + project + "/remuneration").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    var payout =
        http.exchange(
            "/api/projects/" + project + "/remuneration",
            HttpMethod.GET,
            new HttpEntity<>(accept("pm", "text/csv")),
            String.class);
    assertThat(payout.getBody()).contains(people.getFirst()).contains("yes");
    JsonNode export = get("pm", "/api/people/" + applicationIds.getFirst() + "/export").getBody();
    assertThat(export.at("/application/name").asText()).isEqualTo(people.getFirst());
    assertThat(export.at("/consent/0/text_version").asText()).isEqualTo("2026-01");
    assertThat(export.at("/interviewsRecorded")).hasSize(2);
    assertThat(export.at("/account/0/username").asText()).isIn(NEW_EXPERT, "expert");

    assertThat(personalDataLeft(token)).contains("application.name", "task_submission.data");
    advanceClock("P181D");
    await()
        .until(() -> milestones("pm", project).path(9).path("status").asText(), "REACHED"::equals);
    assertThat(milestones("client", project)).hasSize(9);
    assertThat(personalDataLeft(token)).isEmpty();
    assertThat(personalDataLeft("retention.contact")).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from expert_account a join application p"
                    + " on p.id = a.application_id where p.project_id = ?::uuid",
                Integer.class,
                project))
        .as("accounts unlinked from the anonymised experts")
        .isZero();
    assertThat(applications(project)).isEqualTo(3);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from interview where project_id = ?::uuid",
                Integer.class,
                project))
        .isEqualTo(6);
    assertThat(get("client", "/api/projects/" + project + "/action-agenda").getBody().at("/items"))
        .hasSize(2);
  }

  @Test
  void aPersonsDataIsExportedAndErasedOnRequestWhileTheCountsStay() {
    String project = createProject(3);
    String code = await().until(() -> signUpCode(project), c -> c != null);
    String name = "Mariam Haddad" + token;
    // Recorded by a project manager on the applicant's behalf: it counts at once.
    String id =
        post("pm", "/api/projects/" + project + "/applications", application(code, name))
            .getBody()
            .path("applicationId")
            .asText();

    assertThat(get("staff", "/api/people/" + id + "/export").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    var export = get("pm", "/api/people/" + id + "/export");
    assertThat(export.getHeaders().getCacheControl()).isEqualTo("no-store");
    assertThat(export.getBody().at("/application/name").asText()).isEqualTo(name);
    assertThat(export.getBody().at("/application/email").asText())
        .isEqualTo(name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.org");

    var erased =
        http.exchange(
            "/api/people/" + id, HttpMethod.DELETE, new HttpEntity<>(headers("pm")), String.class);
    assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(personalDataLeft(token)).isEmpty();
    JsonNode after = get("pm", "/api/people/" + id + "/export").getBody();
    assertThat(after.at("/application/name").asText()).isEqualTo("(removed)");
    assertThat(after.at("/application/email").isNull()).isTrue();
    assertThat(after.at("/consent/0/method").asText()).isEqualTo("web-form");
    assertThat(applications(project)).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_event where action = 'privacy.person-erased'"
                    + " and detail = ?",
                Integer.class,
                "application " + id))
        .isEqualTo(1);
    assertThat(
            http.exchange(
                    "/api/people/" + java.util.UUID.randomUUID(),
                    HttpMethod.DELETE,
                    new HttpEntity<>(headers("pm")),
                    JsonNode.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  /** Every text column of every table where the text still occurs, as {@code table.column}. */
  private List<String> personalDataLeft(String text) {
    var found = new ArrayList<String>();
    for (var column :
        jdbc.queryForList(
            "select table_name, column_name from information_schema.columns"
                + " where table_schema = 'public'"
                + " and data_type in ('text', 'character varying', 'jsonb')"
                + " and table_name not like 'flyway%'")) {
      String table = (String) column.get("table_name");
      String name = (String) column.get("column_name");
      Integer hits =
          jdbc.queryForObject(
              "select count(*) from " + table + " where " + name + "::text ilike ?",
              Integer.class,
              "%" + text + "%");
      if (hits != null && hits > 0) {
        found.add(table + "." + name);
      }
    }
    return found;
  }

  private List<String> tasksWithForm(String project, String formId, String user, int count) {
    return await()
        .until(
            () -> {
              var ids = new ArrayList<String>();
              for (JsonNode task : get(user, "/api/tasks?projectId=" + project).getBody()) {
                if (formId.equals(task.path("formId").asText())) {
                  ids.add(task.path("id").asText());
                }
              }
              return ids;
            },
            ids -> ids.size() == count);
  }

  /** Experts record their interviews, staff approve the synthesis and hold the session. */
  private void interviewsSynthesisAndSessionThroughTheApi(String project) {
    List<String> ownTasks = tasksWithForm(project, "record-network-interview", NEW_EXPERT_LOGIN, 2);
    List<String> demoExpertTasks = tasksWithForm(project, "record-network-interview", "expert", 4);
    assertThat(tasksWithForm(project, "record-network-interview", "staff", 6))
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.Stream.concat(ownTasks.stream(), demoExpertTasks.stream()).toList());
    assertThat(get(NEW_EXPERT_LOGIN, "/api/tasks/" + demoExpertTasks.getFirst()).getStatusCode())
        .as("another expert's interview")
        .isEqualTo(HttpStatus.NOT_FOUND);
    var unknownTheme =
        post(
            "expert",
            "/api/tasks/" + demoExpertTasks.getFirst() + "/completion",
            Map.of(
                "variables",
                Map.of("intervieweeConsent", "given", "themes", List.of("housing", "sports"))));
    assertThat(unknownTheme.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknownTheme.getBody().at("/errors/0/field").asText()).isEqualTo("themes[1]");
    assertThat(unknownTheme.getBody().at("/errors/0/reason").asText())
        .isEqualTo("must be one of housing, work, language");
    var interviewTasks = new LinkedHashMap<String, String>();
    ownTasks.forEach(id -> interviewTasks.put(id, NEW_EXPERT_LOGIN));
    demoExpertTasks.forEach(id -> interviewTasks.put(id, "expert"));
    for (var entry : interviewTasks.entrySet()) {
      JsonNode task = get(entry.getValue(), "/api/tasks/" + entry.getKey()).getBody();
      assertThat(task.at("/data/projectThemes").findValuesAsText("value"))
          .containsExactly("housing", "work", "language");
      complete(
          entry.getValue(),
          task,
          Map.of(
              "intervieweeConsent", "given",
              "ageBand", "36-50",
              "themes", List.of("housing", "language"),
              "needs", "A house\nDutch lessons at night",
              "keyQuotes", "Nobody explained the letters to me.",
              "insights", "Letters from the municipality are not understood.",
              "solutions", "Explain letters in the mother tongue"));
    }
    await()
        .until(
            () -> milestones("client", project).path(3).path("status").asText(), "REACHED"::equals);
    assertThat(milestones("client", project).path(3).at("/progress/current").asInt()).isEqualTo(6);

    assertThat(get("client", "/api/projects/" + project + "/interviews").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    JsonNode interviews = get("staff", "/api/projects/" + project + "/interviews").getBody();
    assertThat(interviews).hasSize(6);
    assertThat(interviews.toString()).doesNotContain("Olena", "Koval");
    assertThat(interviews.path(0).path("intervieweePseudonym").asText()).startsWith("I-");

    JsonNode review = taskWithForm(project, "review-synthesis", "staff");
    JsonNode clientInsights = get("client", "/api/projects/" + project + "/insights").getBody();
    assertThat(clientInsights.at("/themes/0/interviewCount").asInt()).isEqualTo(6);
    assertThat(clientInsights.toString()).doesNotContain("Nobody explained", "Dutch lessons");
    JsonNode staffInsights = get("staff", "/api/projects/" + project + "/insights").getBody();
    assertThat(staffInsights.toString()).contains("Nobody explained the letters to me.");
    assertThat(
            http.exchange(
                    "/api/projects/" + project + "/insights",
                    HttpMethod.GET,
                    new HttpEntity<>(accept("client", "text/html")),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    var insightsCsv =
        http.exchange(
            "/api/projects/" + project + "/insights",
            HttpMethod.GET,
            new HttpEntity<>(accept("client", "text/csv")),
            String.class);
    assertThat(insightsCsv.getBody().lines().toList())
        .containsExactly(
            "theme,interviews,share", "housing,6,1.0000", "work,0,0.0000", "language,6,1.0000");
    complete("staff", review, Map.of("synthesisDecision", "approve"));

    JsonNode plan = taskWithForm(project, "plan-stakeholder-session", "staff");
    var sessionPlan =
        new java.util.HashMap<>(LifecycleDriver.sessionPlan(now().plus(4, ChronoUnit.DAYS)));
    sessionPlan.put(
        "invitations",
        List.of(
            Map.of(
                "organisation", "Gemeente Almere",
                "contactName", "Petra " + token,
                "contactEmail", "retention.contact@almere.example",
                "contactLanguage", "nl")));
    complete("staff", plan, sessionPlan);
    driver.awaitActive(java.util.UUID.fromString(project), "ReminderDueTimer");
    advanceClock("P3D");
    driver.awaitActive(java.util.UUID.fromString(project), "SessionHeldTimer");
    advanceClock("P1D");
    JsonNode outcome = taskWithForm(project, "record-session-outcome", "staff");
    assertThat(outcome.at("/data/insightOptions/0/label").asText())
        .isEqualTo("housing — 6 of 6 interviews");
    complete("staff", outcome, LifecycleDriver.sessionOutcome());

    // The project holds two sessions: the second has its own plan and part of the agenda.
    JsonNode secondPlan = taskWithForm(project, "plan-stakeholder-session", "staff");
    assertThat(milestones("client", project).path(5).path("status").asText())
        .as("the agenda is drafted once both sessions are held")
        .isNotEqualTo("REACHED");
    complete("staff", secondPlan, LifecycleDriver.sessionPlan(now().plus(8, ChronoUnit.DAYS)));
    driver.awaitActive(java.util.UUID.fromString(project), "ReminderDueTimer");
    advanceClock("P9D");
    JsonNode secondOutcome = taskWithForm(project, "record-session-outcome", "staff");
    var onWork = new java.util.HashMap<String, Object>(LifecycleDriver.sessionOutcome());
    onWork.put("sharedInsight", "Diplomas that count");
    onWork.put(
        "agendaItems",
        List.of(
            LifecycleDriver.agendaItem(
                "language", "Language lessons at work", "UWV", "long", "medium")));
    complete("staff", secondOutcome, onWork);

    await()
        .until(
            () -> milestones("client", project).path(5).path("status").asText(), "REACHED"::equals);
    JsonNode milestones = milestones("client", project);
    assertThat(milestones.path(4).path("key").asText()).isEqualTo("INSIGHTS_SYNTHESISED");
    assertThat(milestones.path(5).path("key").asText()).isEqualTo("ACTION_AGENDA_DRAFTED");
    JsonNode agenda = get("client", "/api/projects/" + project + "/action-agenda").getBody();
    assertThat(agenda.path("sharedInsight").asText()).isEqualTo("From empathy to perspective");
    assertThat(agenda.path("items").findValuesAsText("sessionNumber"))
        .as("each action traced to its session")
        .containsExactly("1", "2");
    assertThat(agenda.path("sessions").findValuesAsText("sharedInsight"))
        .containsExactly("From empathy to perspective", "Diplomas that count");
    assertThat(agenda.at("/items/0/supportingInsights/0/theme").asText()).isEqualTo("housing");
    assertThat(agenda.at("/items/0/supportingInsights/0/interviewCount").asInt()).isEqualTo(6);
    assertThat(agenda.at("/items/0/supportingInsights/0/interviewIds")).isEmpty();
    assertThat(agenda.toString()).doesNotContain("Petra", "retention.contact");
    assertThat(
            get("staff", "/api/projects/" + project + "/action-agenda")
                .getBody()
                .at("/items/0/supportingInsights/0/interviewIds"))
        .hasSize(3);
    var csv =
        http.exchange(
            "/api/projects/" + project + "/action-agenda",
            HttpMethod.GET,
            new HttpEntity<>(accept("client", "text/csv")),
            String.class);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getBody().lines().toList())
        .hasSize(3)
        .first()
        .isEqualTo("position,session,theme,action,owner,term,priority,supporting insights");
  }

  private static HttpHeaders accept(String user, String mediaType) {
    var headers = headers(user);
    headers.setAccept(List.of(MediaType.parseMediaType(mediaType)));
    return headers;
  }

  @Test
  void anApplicationWithoutConsentIsRefusedAndNothingIsStored() {
    String project = createProject(3);
    String code = await().until(() -> signUpCode(project), c -> c != null);
    var body = new java.util.HashMap<>(application(code, "Olena Koval"));
    body.remove("consent");

    var refused = post(null, "/api/projects/" + project + "/applications", body);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType().toString())
        .isEqualTo("application/problem+json");
    assertThat(refused.getBody().at("/errors/0/field").asText()).isEqualTo("consent");
    assertThat(applications(project)).isZero();

    body.put("consent", Map.of("given", false, "textVersion", "2026-01", "method", "web-form"));
    var notGiven = post(null, "/api/projects/" + project + "/applications", body);
    assertThat(notGiven.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notGiven.getBody().at("/errors/0/field").asText()).isEqualTo("consent.given");
    assertThat(applications(project)).isZero();
  }

  @Test
  void unknownProjectsWrongCodesAndBadProjectsGetClearProblems() {
    var unknown =
        post(
            null,
            "/api/projects/" + java.util.UUID.randomUUID() + "/applications",
            application("ABCDEFGH", "Olena Koval"));
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    String project = createProject(3);
    await().until(() -> signUpCode(project), c -> c != null);
    var wrongCode =
        post(null, "/api/projects/" + project + "/applications", application("WRONG123", "X Y"));
    assertThat(wrongCode.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrongCode.getBody().at("/errors/0/field").asText()).isEqualTo("signUpCode");

    var badProject = post("pm", "/api/projects", Map.of("name", "", "targetExperts", 0));
    assertThat(badProject.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badProject.getBody().path("errors").findValuesAsText("field"))
        .contains("name", "targetExperts", "clientName", "startDate");
    assertThat(post("staff", "/api/projects", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    var typo = new java.util.HashMap<>(application(signUpCode(project), "Olena Koval"));
    typo.put("motivaton", "typo");
    var unknownField = post(null, "/api/projects/" + project + "/applications", typo);
    assertThat(unknownField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknownField.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(unknownField.getBody().at("/errors/0/field").asText()).isEqualTo("motivaton");
    assertThat(unknownField.getBody().at("/errors/0/reason").asText())
        .isEqualTo("is not a field of this request");
    assertThat(applications(project)).isZero();
  }

  @Test
  void anInvalidFormSubmissionNamesEachBadFieldAndTheTaskStaysOpen() {
    String project = createProject(3);
    advanceClock("P14D");
    JsonNode screening = taskWithForm(project, "screen-candidates", "staff");

    var refused =
        post(
            "staff",
            "/api/tasks/" + screening.path("id").asText() + "/completion",
            Map.of(
                "variables",
                Map.of(
                    "candidates",
                    List.of(Map.of("applicationId", "x", "decision", "maybe")),
                    "extra",
                    1)));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().path("errors").findValuesAsText("field"))
        .contains("candidates[0].decision", "extra");
    assertThat(get("staff", "/api/tasks/" + screening.path("id").asText()).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(
            post("client", "/api/tasks/" + screening.path("id").asText() + "/completion", Map.of())
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theClockMovesOnlyForwardAndOnlyForProjectManagers() {
    assertThat(post("pm", "/api/dev/clock", Map.of("advance", "yesterday")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(post("staff", "/api/dev/clock", Map.of("advance", "PT1S")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("pm", "/api/dev/clock", Map.of("advance", "PT1S")).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  private String createProject(int target) {
    return createProject(target, 1, null);
  }

  /**
   * The agenda's year of 2 months with a status request every 3 weeks: two rounds. The one action
   * whose owner was invited to a session (the other's, UWV, was not) is asked about; its owner
   * answers the first request through the link's page and stays silent on the second, and is
   * reminded; staff record the follow-up session; the client reads the history.
   */
  private void agendaYearThroughItsLinks(String project) {
    UUID id = UUID.fromString(project);
    await()
        .until(
            () -> milestones("client", project).path(7).path("status").asText(), "REACHED"::equals);
    assertThat(milestones("client", project).path(8).path("key").asText())
        .isEqualTo("AGENDA_FOLLOWED_UP");
    driver.awaitActive(id, "StatusRequestDueTimer");
    JsonNode view = get("client", "/api/projects/" + project).getBody();
    assertThat(view.path("currentPhase").asText()).isEqualTo("FOLLOW_UP");
    assertThat(view.path("stakeholderSessions").asInt()).isEqualTo(2);
    assertThat(view.at("/agendaYear/months").asInt()).isEqualTo(2);
    assertThat(view.at("/agendaYear/intervalWeeks").asInt()).isEqualTo(3);
    try (var mail = NotificationLog.listen()) {
      advanceClock("P21DT1H");
      String link =
          await()
              .until(() -> statusLinks(project, mail, "agenda-status-request"), l -> !l.isEmpty())
              .getFirst();
      // The message goes out from the job's transaction; the link works once that is committed.
      var page =
          await()
              .until(
                  () -> http.getForEntity(link, String.class),
                  p -> p.getStatusCode().value() == 200);
      assertThat(page.getBody()).contains("data-page=\"agenda-status\"", "Gemeente Almere");
      String csrf =
          page.getBody().replaceFirst("(?s)^.*name=\"_csrf\" value=\"([^\"]+)\".*$", "$1");
      var headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
      headers.add(
          HttpHeaders.COOKIE, page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0]);
      var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
      form.add("_csrf", csrf);
      form.add("status", "under_way");
      form.add("note", "The desk opens in May, says Petra " + token);
      var answered = http.postForEntity(link, new HttpEntity<>(form, headers), String.class);
      assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(answered.getBody()).contains("data-state=\"ANSWERED\"");
      assertThat(http.getForEntity(link, String.class).getBody())
          .as("the link served its one purpose")
          .contains("data-state=\"ANSWERED\"")
          .doesNotContain("name=\"status\"");

      driver.awaitActive(id, "ReminderDueTimer");
      advanceClock("P11D");
      driver.awaitActive(id, "StatusRequestDueTimer");
      assertThat(statusLinks(project, mail, "agenda-status-reminder"))
          .as("an owner who answered")
          .isEmpty();
      advanceClock("P11D");
      await().until(() -> statusLinks(project, mail, "agenda-status-request"), l -> l.size() == 2);
      driver.awaitActive(id, "ReminderDueTimer");
      advanceClock("P11D");
      await().until(() -> statusLinks(project, mail, "agenda-status-reminder"), l -> l.size() == 1);
    }
    complete(
        "staff",
        taskWithForm(project, "hold-follow-up-session", "staff"),
        Map.of(
            "heldAt", now().toString(), "summary", "The desk works; the language lessons wait."));
    await()
        .until(
            () -> milestones("client", project).path(8).path("status").asText(), "REACHED"::equals);
    JsonNode year = get("client", "/api/projects/" + project + "/agenda-follow-up").getBody();
    assertThat(year.path("rounds").asInt()).isEqualTo(2);
    assertThat(year.path("sessionHeldAt").isNull()).isFalse();
    assertThat(year.at("/reports/1/0/status").asText()).isEqualTo("UNDER_WAY");
    assertThat(year.at("/reports/1/0/note").asText()).startsWith("The desk opens in May");
    assertThat(year.path("reports").has("2")).as("UWV was not invited: no contact").isFalse();
  }

  /** The links of this project's messages of a template: to the contacts it invited. */
  private List<String> statusLinks(String project, NotificationLog mail, String template) {
    return mail.links(
        template,
        jdbc.queryForList(
            "select id::text from session_invitation where project_id = ?::uuid",
            String.class,
            project));
  }

  /** A project of the API with this many stakeholder sessions and, if given, the agenda's year. */
  private String createProject(int target, int sessions, Map<String, Object> agendaYear) {
    var body =
        NewProjects.json(
            "Expert pool Almere",
            target,
            2,
            List.of("housing", "work", "language"),
            driver.today().toString());
    body.put("stakeholderSessions", sessions);
    if (agendaYear != null) {
      body.put("agendaYear", agendaYear);
    }
    var created = post("pm", "/api/projects", body);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody().path("status").asText()).isEqualTo("ACTIVE");
    String id = created.getBody().path("id").asText();
    driver.awaitWindowOpen(java.util.UUID.fromString(id));
    return id;
  }

  private String signUpCode(String project) {
    var call = get("staff", "/api/projects/" + project + "/recruitment");
    return call.getStatusCode().is2xxSuccessful()
        ? call.getBody().path("signUpCode").asText()
        : null;
  }

  private static Map<String, Object> application(String code, String name) {
    return Map.of(
        "signUpCode",
        code,
        "name",
        name,
        "email",
        name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.org",
        "languages",
        List.of("uk", "en"),
        "motivation",
        "I know what newcomers need.",
        "preferredLanguage",
        "nl",
        "consent",
        Map.of("given", true, "textVersion", "2026-01", "method", "web-form"));
  }

  private JsonNode taskWithForm(String project, String formId, String user) {
    String id =
        await()
            .until(
                () -> {
                  for (JsonNode task : get(user, "/api/tasks?projectId=" + project).getBody()) {
                    if (formId.equals(task.path("formId").asText())) {
                      return task.path("id").asText();
                    }
                  }
                  return null;
                },
                found -> found != null);
    return get(user, "/api/tasks/" + id).getBody();
  }

  private void complete(String user, JsonNode task, Map<String, Object> variables) {
    var done =
        post(
            user,
            "/api/tasks/" + task.path("id").asText() + "/completion",
            Map.of("variables", variables));
    assertThat(done.getStatusCode())
        .as(String.valueOf(done.getBody()))
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  private JsonNode milestones(String user, String project) {
    return get(user, "/api/projects/" + project + "/milestones").getBody();
  }

  private void advanceClock(String duration) {
    assertThat(post("pm", "/api/dev/clock", Map.of("advance", duration)).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  private Instant now() {
    return driver.clock.instant();
  }

  private int applications(String project) {
    return jdbc.queryForObject(
        "select count(*) from application where project_id = ?::uuid", Integer.class, project);
  }

  private ResponseEntity<JsonNode> get(String user, String path) {
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(user)), JsonNode.class);
  }

  private ResponseEntity<JsonNode> post(String user, String path, Object body) {
    return http.exchange(
        path, HttpMethod.POST, new HttpEntity<>(body, headers(user)), JsonNode.class);
  }

  private ResponseEntity<JsonNode> put(String user, String path, Object body) {
    return http.exchange(
        path, HttpMethod.PUT, new HttpEntity<>(body, headers(user)), JsonNode.class);
  }

  /** Basic authentication as a demo user, or as {@code name:password}. */
  private static HttpHeaders headers(String user) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (user != null) {
      String[] login = user.contains(":") ? user.split(":", 2) : new String[] {user, "demo"};
      headers.setBasicAuth(login[0], login[1]);
    }
    return headers;
  }
}
