package nl.expertpool.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.engine.ProcessEngine;
import nl.expertpool.engine.ProcessEngine.TaskQuery;
import nl.expertpool.engine.TaskConflictException;
import nl.expertpool.engine.TaskNotFoundException;
import nl.expertpool.engine.UserTask;
import nl.expertpool.forms.FieldError;
import nl.expertpool.forms.FormCatalog;
import nl.expertpool.forms.FormSchema;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.security.Role;
import nl.expertpool.web.ApiException;
import nl.expertpool.web.ApiException.Violation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Open user tasks for the signed-in user, with their forms, and their completion. */
@Service
public class TaskInbox {

  private final ProcessEngine engine;
  private final FormCatalog forms;
  private final SubmissionStore submissions;
  private final List<TaskDataContributor> contributors;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final ProjectLifecycle projects;
  private final List<TaskAudience> audiences;
  private final List<TaskSubmissionRule> rules;

  TaskInbox(
      ProcessEngine engine,
      FormCatalog forms,
      SubmissionStore submissions,
      List<TaskDataContributor> contributors,
      AuditTrail audit,
      TransactionTemplate transactions,
      ProjectLifecycle projects,
      List<TaskAudience> audiences,
      List<TaskSubmissionRule> rules) {
    this.projects = projects;
    this.audiences = audiences;
    this.rules = rules;
    this.engine = engine;
    this.forms = forms;
    this.submissions = submissions;
    this.contributors = contributors;
    this.audit = audit;
    this.transactions = transactions;
  }

  /** Tasks the user may work on, optionally of one project, oldest first. */
  public List<UserTask> open(CurrentUser user, UUID projectId) {
    TaskQuery query = TaskQuery.all();
    if (!user.isProjectManager()) {
      query = query.inGroups(user.groups());
    }
    if (projectId != null) {
      query = query.withVariable("projectId", projectId.toString());
    }
    return engine.openUserTasks(query).stream().filter(visibleTo(user)).toList();
  }

  /** A task the user may work on; 404 for one they may not see. */
  public UserTask get(CurrentUser user, long taskKey) {
    UserTask task =
        engine
            .userTask(taskKey)
            .orElseThrow(() -> ApiException.notFound("No open task " + taskKey));
    if (!user.mayWorkOn(task.candidateGroups()) || !visibleTo(user).test(task)) {
      throw ApiException.notFound("No open task " + taskKey);
    }
    return task;
  }

  private Predicate<UserTask> visibleTo(CurrentUser user) {
    Predicate<UserTask> visible = task -> ofOwnClient(user, task);
    for (TaskAudience audience : audiences) {
      visible = visible.and(audience.visibleTo(user));
    }
    return visible;
  }

  /**
   * A client works only on tasks of their own organisation's projects; staff and project managers
   * are not bound to an organisation.
   */
  private boolean ofOwnClient(CurrentUser user, UserTask task) {
    if (!user.is(Role.CLIENT) || user.isProjectManager() || user.is(Role.STAFF)) {
      return true;
    }
    Object project = task.variables().get("projectId");
    return project != null
        && projects
            .find(UUID.fromString(project.toString()))
            .map(p -> user.mayReadProjectOf(p.getClient().getName()))
            .orElse(false);
  }

  /** Takes a task on, so colleagues see who works on it. */
  public void claim(CurrentUser user, long taskKey) {
    UserTask task = get(user, taskKey);
    assign(user, task, user.name(), "task.claimed");
  }

  /** Gives a task back to its candidate groups. */
  public void unclaim(CurrentUser user, long taskKey) {
    UserTask task = get(user, taskKey);
    assign(user, task, null, "task.unclaimed");
  }

  private void assign(CurrentUser user, UserTask task, String assignee, String action) {
    try {
      engine.assign(task.key(), assignee);
    } catch (TaskNotFoundException e) {
      throw ApiException.notFound("No open task " + task.key());
    }
    Object project = task.variables().get("projectId");
    transactions.executeWithoutResult(
        status ->
            audit.record(
                user.name(),
                action,
                project == null ? "task:" + task.key() : AuditTrail.project(project),
                task.name() + " (" + task.elementId() + ")"));
  }

  public JsonNode form(UserTask task) {
    return task.formId() == null ? null : forms.json(task.formId()).orElse(null);
  }

  /** The values the form starts with: the task's variables that are fields of the form. */
  public Map<String, Object> data(UserTask task) {
    return new LinkedHashMap<>(task.variables());
  }

  /** What the app adds for people (names and the like), never given to the engine. */
  public Map<String, Object> display(UserTask task) {
    Map<String, Object> display = new LinkedHashMap<>();
    for (TaskDataContributor contributor : contributors) {
      if (task.formId() != null && contributor.supports(task.formId())) {
        display.putAll(contributor.display(task));
      }
    }
    return display;
  }

  /**
   * Validates the submission against the task's form and the task (read-only values and fixed rows
   * as the task gave them; read-only values left out are taken from the task), keeps it, and
   * completes the task with only its choices, numbers and the submission's id. On bad input the
   * task stays open and nothing is stored.
   */
  public void complete(CurrentUser user, long taskKey, Map<String, Object> submitted) {
    complete(user, taskKey, submitted, null);
  }

  /**
   * As {@link #complete(CurrentUser, long, Map)}, keeping the language the submission is written in
   * (a BCP 47 tag; null when unknown), so that what people typed is marked with its language.
   */
  public void complete(
      CurrentUser user, long taskKey, Map<String, Object> submitted, String language) {
    UserTask task = get(user, taskKey);
    FormSchema form = schema(task);
    Map<String, Object> values =
        form.withTaskValues(submitted == null ? Map.of() : submitted, task.variables());
    List<Violation> problems =
        problems(task, values).stream().map(e -> new Violation(e.field(), e.reason())).toList();
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    Object project = task.variables().get("projectId");
    UUID projectId = project == null ? null : UUID.fromString(project.toString());
    transactions.executeWithoutResult(
        status -> {
          submissions.store(taskKey, task.formId(), projectId, values, user.name(), language);
          audit.record(
              user.name(),
              "task.completed",
              projectId == null ? "task:" + taskKey : AuditTrail.project(projectId),
              task.name() + " (" + task.elementId() + ")");
        });
    Map<String, Object> variables = new HashMap<>(form.engineVariables(values));
    variables.put(SubmissionStore.variableFor(task.formId()), taskKey);
    try {
      engine.complete(taskKey, variables);
    } catch (TaskNotFoundException e) {
      throw ApiException.notFound("No open task " + taskKey);
    } catch (TaskConflictException e) {
      throw ApiException.conflict("Task " + taskKey + " is completed already.");
    }
  }

  /**
   * Why {@link #complete} would refuse the submission, with codes a page can show in its language;
   * empty when the form takes it.
   */
  public List<FieldError> problems(UserTask task, Map<String, Object> submitted) {
    Map<String, Object> values = submitted == null ? Map.of() : submitted;
    var problems =
        new java.util.ArrayList<>(schema(task).validate(values, Set.of(), task.variables()));
    if (problems.isEmpty()) {
      for (TaskSubmissionRule rule : rules) {
        if (task.formId() != null && rule.supports(task.formId())) {
          problems.addAll(rule.problems(task, values));
        }
      }
    }
    return List.copyOf(problems);
  }

  private FormSchema schema(UserTask task) {
    return forms
        .byId(task.formId())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Task " + task.key() + " links form " + task.formId() + ", not in forms/"));
  }
}
