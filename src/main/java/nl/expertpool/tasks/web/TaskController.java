package nl.expertpool.tasks.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.engine.UserTask;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.security.Role;
import nl.expertpool.tasks.TaskInbox;
import nl.expertpool.web.ApiException;
import nl.expertpool.web.Languages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

  private final TaskInbox tasks;
  private final ProjectLifecycle projects;

  TaskController(TaskInbox tasks, ProjectLifecycle projects) {
    this.tasks = tasks;
    this.projects = projects;
  }

  /** A project that does not exist (or is another client's) is a 404, not an empty list. */
  @GetMapping
  List<TaskSummary> list(@RequestParam(required = false) UUID projectId) {
    CurrentUser user = CurrentUser.get();
    if (projectId != null
        && projects
            .find(projectId)
            .filter(p -> !user.is(Role.CLIENT) || user.mayReadProjectOf(p.getClient().getName()))
            .isEmpty()) {
      throw ApiException.notFound("No project " + projectId);
    }
    return tasks.open(user, projectId).stream().map(TaskSummary::of).toList();
  }

  @GetMapping("/{id}")
  TaskDetail get(@PathVariable long id) {
    UserTask task = tasks.get(CurrentUser.get(), id);
    return new TaskDetail(
        TaskSummary.of(task), tasks.form(task), tasks.data(task), tasks.display(task));
  }

  /**
   * Completes the task with the form's values. A {@code Content-Language} header says what language
   * the answers are written in (any BCP 47 tag); without it the app assumes the expert's own.
   */
  @PostMapping("/{id}/completion")
  ResponseEntity<Void> complete(
      @PathVariable long id,
      @RequestBody(required = false) Completion body,
      @RequestHeader(name = HttpHeaders.CONTENT_LANGUAGE, required = false) String language) {
    String tag =
        language == null
            ? null
            : Languages.tag(language)
                .orElseThrow(
                    () ->
                        ApiException.invalid(
                            HttpHeaders.CONTENT_LANGUAGE, "must be a language tag such as uk"));
    tasks.complete(CurrentUser.get(), id, body == null ? null : body.variables(), tag);
    return ResponseEntity.noContent().build();
  }

  record Completion(Map<String, Object> variables) {}

  record TaskSummary(
      String id,
      String name,
      String formId,
      List<String> candidateGroups,
      String projectId,
      String assignee,
      Instant createdAt,
      Instant dueDate) {

    static TaskSummary of(UserTask task) {
      Object project = task.variables().get("projectId");
      return new TaskSummary(
          String.valueOf(task.key()),
          task.name(),
          task.formId(),
          task.candidateGroups(),
          project == null ? null : project.toString(),
          task.assignee(),
          task.createdAt(),
          task.dueDate());
    }
  }

  /** The task's fields, its form's schema, the form's values and what the app shows beside them. */
  record TaskDetail(
      @JsonUnwrapped TaskSummary task,
      JsonNode form,
      Map<String, Object> data,
      Map<String, Object> display) {}
}
