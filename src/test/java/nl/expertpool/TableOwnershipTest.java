package nl.expertpool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table belongs to exactly one module, and only that module's code names it in SQL or JPQL.
 * Other modules ask the owner through its API or listen to its events. This is the one list of who
 * owns what.
 */
class TableOwnershipTest {

  static final Map<String, Set<String>> OWNERS =
      Map.ofEntries(
          Map.entry("audit", Set.of("audit_event")),
          Map.entry("jobs", Set.of("processed_job")),
          Map.entry(
              "security",
              Set.of("app_user", "password_link", "spring_session", "spring_session_attributes")),
          Map.entry("project", Set.of("project", "client_organisation", "phase_deadline")),
          Map.entry("milestone", Set.of("milestone")),
          Map.entry(
              "pools",
              Set.of(
                  "standing_pool",
                  "pool_member",
                  "pool_member_project",
                  "pool_consent",
                  "pool_invitation")),
          Map.entry("tasks", Set.of("task_submission")),
          Map.entry(
              "followup", Set.of("agenda_follow_up", "action_status_request", "action_status")),
          Map.entry(
              "recruitment",
              Set.of(
                  "recruitment_call",
                  "application",
                  "application_confirmation",
                  "consent_record",
                  "expert",
                  "expert_account")),
          Map.entry("training", Set.of("training_session", "attendance")),
          Map.entry("interview", Set.of("interview", "interviewee_counter")),
          Map.entry("insight", Set.of("synthesis", "synthesis_theme")),
          Map.entry(
              "session",
              Set.of(
                  "stakeholder_session",
                  "session_invitation",
                  "session_participation",
                  "action_item")),
          Map.entry("feedback", Set.of("feedback", "feedback_score")),
          Map.entry("handover", Set.of("handover_package", "handover_meeting")),
          Map.entry("remuneration", Set.of("remuneration_entry", "remuneration_settlement")));

  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  private static final Path SOURCES = Path.of("src/main/java/nl/expertpool");
  private static final Pattern CREATE_TABLE =
      Pattern.compile("create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_]+)");

  @Test
  void everyTableOfTheSchemaHasExactlyOneOwner() {
    Map<String, List<String>> ownersOf = new HashMap<>();
    OWNERS.forEach(
        (module, tables) ->
            tables.forEach(t -> ownersOf.computeIfAbsent(t, x -> new ArrayList<>()).add(module)));

    assertThat(ownersOf.keySet()).containsExactlyInAnyOrderElementsOf(schemaTables());
    assertThat(ownersOf).allSatisfy((table, owners) -> assertThat(owners).hasSize(1));
  }

  @Test
  void onlyTheOwnerNamesATableInSqlOrJpql() throws IOException {
    Set<String> tables = schemaTables();
    List<String> foreign = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path relative = SOURCES.relativize(file);
        String module = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
        Set<String> own = OWNERS.getOrDefault(module, Set.of());
        for (String table : SqlTables.named(Files.readString(file), tables)) {
          if (!own.contains(table)) {
            foreign.add(relative + " names " + table);
          }
        }
      }
    }

    assertThat(foreign).as("tables named outside their owner").isEmpty();
  }

  @Test
  void theScanSeesStatementsSplitOverLiteralsJoinsAndJpql() {
    String source =
        """
        class Sample {
          void run() {
            jdbc.update("update action_item set flagged = true where project_id = ?", id);
            jdbc.query("select a.name from expert e join"
                + " application a on a.id = e.application_id", mapper);
            jdbc.query("select count(*) from interview i, training_session s", mapper);
          }
          @Query("select s from TrainingSession s")
          @CollectionTable(name = "phase_deadline")
          String message = "a message from the engine about an expert";
        }
        """;

    assertThat(SqlTables.named(source, schemaTables()))
        .containsExactlyInAnyOrder(
            "action_item",
            "expert",
            "application",
            "interview",
            "training_session",
            "phase_deadline");
  }

  private static Set<String> schemaTables() {
    Set<String> tables = new TreeSet<>();
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      for (Path file : files.toList()) {
        var create = CREATE_TABLE.matcher(Files.readString(file).toLowerCase(Locale.ROOT));
        while (create.find()) {
          tables.add(create.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tables;
  }
}
