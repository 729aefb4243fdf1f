package nl.expertpool.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ActivatedJob;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Form submissions kept in PostgreSQL. A task completed in this app carries a variable {@code
 * <formVariable>Submission} with the task key; the worker after it reads the whole submission here.
 * A task completed elsewhere (Tasklist) carries the form's fields as variables instead.
 */
@Component
public class SubmissionStore {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  SubmissionStore(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** The variable that points at a form's submission, e.g. {@code screenCandidatesSubmission}. */
  public static String variableFor(String formId) {
    return nl.expertpool.web.NameConvention.camelCase(formId) + "Submission";
  }

  /**
   * @param language what the submission was written in (a BCP 47 tag), or null when unknown
   */
  @Transactional
  void store(
      long taskKey,
      String formId,
      UUID projectId,
      Map<String, Object> data,
      String user,
      String language) {
    jdbc.update(
        "insert into task_submission (task_key, form_id, project_id, data, submitted_by,"
            + " submitted_at, language) values (?, ?, ?, ?::jsonb, ?, ?, ?)"
            + " on conflict (task_key) do update set data = excluded.data,"
            + " submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at,"
            + " language = excluded.language",
        taskKey,
        formId,
        projectId,
        write(data),
        user,
        Timestamp.from(clock.instant()),
        language);
  }

  public Optional<Map<String, Object>> find(long taskKey) {
    return jdbc
        .query(
            "select data::text from task_submission where task_key = ?",
            (rs, row) -> rs.getString(1),
            taskKey)
        .stream()
        .findFirst()
        .map(this::read);
  }

  /**
   * Changes the stored submissions of one form in a project, for example to remove a person's name;
   * stores only those the change altered.
   *
   * @return how many submissions changed
   */
  @Transactional
  public int rewrite(UUID projectId, String formId, UnaryOperator<Map<String, Object>> change) {
    int changed = 0;
    var submissions =
        jdbc.queryForList(
            "select task_key, data::text as data from task_submission"
                + " where project_id = ? and form_id = ?",
            projectId,
            formId);
    for (Map<String, Object> row : submissions) {
      Map<String, Object> data = read((String) row.get("data"));
      Map<String, Object> rewritten = change.apply(read((String) row.get("data")));
      if (!rewritten.equals(data)) {
        jdbc.update(
            "update task_submission set data = ?::jsonb where task_key = ?",
            write(rewritten),
            row.get("task_key"));
        changed++;
      }
    }
    return changed;
  }

  /** The submitted form data a job works on: from this app's store, or from the job's variables. */
  public Map<String, Object> of(ActivatedJob job, String formId) {
    Object key = job.getVariablesAsMap().get(variableFor(formId));
    if (key instanceof Number taskKey) {
      return find(taskKey.longValue())
          .orElseThrow(() -> new IllegalStateException("No stored submission for task " + taskKey));
    }
    return job.getVariablesAsMap();
  }

  /**
   * The language the submission a job works on was written in, when this app stored it with one;
   * empty for a task completed elsewhere (Tasklist).
   */
  public Optional<String> languageOf(ActivatedJob job, String formId) {
    if (job.getVariablesAsMap().get(variableFor(formId)) instanceof Number taskKey) {
      return jdbc
          .query(
              "select language from task_submission where task_key = ?",
              (rs, row) -> Optional.ofNullable(rs.getString(1)),
              taskKey.longValue())
          .stream()
          .findFirst()
          .flatMap(language -> language);
    }
    return Optional.empty();
  }

  private String write(Map<String, Object> data) {
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Submission cannot be stored as JSON", e);
    }
  }

  private Map<String, Object> read(String data) {
    try {
      return json.readValue(data, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored submission is not valid JSON", e);
    }
  }
}
