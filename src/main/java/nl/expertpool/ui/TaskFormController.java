package nl.expertpool.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.engine.UserTask;
import nl.expertpool.forms.FieldError;
import nl.expertpool.forms.FormCatalog;
import nl.expertpool.forms.FormHtml;
import nl.expertpool.forms.FormSchema;
import nl.expertpool.forms.FormSubmission;
import nl.expertpool.recruitment.ApplicationConfirmation;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.security.Role;
import nl.expertpool.tasks.TaskInbox;
import nl.expertpool.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One task as a page: the linked Camunda form rendered on the server in the page's language, beside
 * what the app shows for people (names and the like). A submission is validated by the same rules
 * as the API; when it is refused, the page comes back with every error next to its field and
 * everything typed.
 */
@Controller
class TaskFormController {

  static final String SCREENING = "screen-candidates";

  private final TaskInbox tasks;
  private final FormCatalog forms;
  private final FormHtml html;
  private final ApplicationConfirmation confirmation;
  private final nl.expertpool.project.ProjectLifecycle projects;

  TaskFormController(
      TaskInbox tasks,
      FormCatalog forms,
      FormHtml html,
      ApplicationConfirmation confirmation,
      nl.expertpool.project.ProjectLifecycle projects) {
    this.projects = projects;
    this.tasks = tasks;
    this.forms = forms;
    this.html = html;
    this.confirmation = confirmation;
  }

  /**
   * On the screening page: staff confirm an application after calling the candidate, so that it
   * counts and can be accepted.
   */
  @PostMapping("/tasks/{key}/confirmations/{applicationId}")
  String confirm(
      @PathVariable long key, @PathVariable UUID applicationId, RedirectAttributes redirect) {
    CurrentUser user = CurrentUser.get();
    UserTask task = tasks.get(user, key);
    if (!SCREENING.equals(task.formId())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    UUID projectId = UUID.fromString(String.valueOf(task.variables().get("projectId")));
    var confirmed =
        confirmation.toConfirm(projectId).stream()
            .filter(a -> a.applicationId().equals(applicationId))
            .findFirst()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    confirmation.confirm(projectId, applicationId, user.name());
    redirect.addFlashAttribute("confirmedApplication", confirmed.pseudonym());
    return "redirect:/tasks/" + key;
  }

  @GetMapping("/tasks/{key}")
  String task(@PathVariable long key, Locale locale, Model model) {
    UserTask task = tasks.get(CurrentUser.get(), key);
    return page(task, tasks.data(task), List.of(), locale, model);
  }

  @PostMapping("/tasks/{key}")
  String submit(
      @PathVariable long key,
      HttpServletRequest request,
      HttpServletResponse response,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    CurrentUser user = CurrentUser.get();
    UserTask task = tasks.get(user, key);
    FormSchema form = schema(task);
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    request.getParameterMap().forEach((name, values) -> parameters.put(name, List.of(values)));
    Map<String, Object> values = FormSubmission.read(form, parameters);
    if (FormSubmission.changesRows(parameters)) {
      try {
        return page(
            task, FormSubmission.changeRows(form, values, parameters), List.of(), locale, model);
      } catch (IllegalArgumentException e) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
      }
    }
    // Asked before completing, for errors the page can show in its own language.
    List<FieldError> problems = tasks.problems(task, values);
    if (!problems.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(task, values, problems, locale, model);
    }
    try {
      tasks.complete(user, key, values, locale.toLanguageTag());
    } catch (ApiException e) {
      if (e.status() != HttpStatus.BAD_REQUEST) {
        throw e;
      }
      List<FieldError> errors = new ArrayList<>();
      e.violations().forEach(v -> errors.add(new FieldError(v.field(), v.reason())));
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(task, values, errors, locale, model);
    }
    redirect.addFlashAttribute("completed", task.name());
    redirect.addFlashAttribute("completedForm", task.formId());
    // Experts go back to their own space, where their tasks come first.
    return user.is(Role.EXPERT) ? "redirect:/me" : "redirect:/tasks";
  }

  private String page(
      UserTask task, Map<String, ?> values, List<FieldError> errors, Locale locale, Model model) {
    model.addAttribute("task", task);
    model.addAttribute(
        "fields",
        html.render(schema(task), values, themesNamed(task.variables(), locale), errors, locale));
    model.addAttribute("errorCount", errors.size());
    model.addAttribute("display", DisplayTable.of(tasks.display(task)));
    if (SCREENING.equals(task.formId())) {
      model.addAttribute(
          "toConfirm",
          confirmation.toConfirm(
              UUID.fromString(String.valueOf(task.variables().get("projectId")))));
    }
    return "tasks/task";
  }

  /**
   * The variables with the labels of theme options (lists of {@code label} and {@code value} whose
   * values are the project's themes) in the page's language; values stay as they are, so that what
   * is submitted is what the form was given.
   */
  private Map<String, Object> themesNamed(Map<String, Object> variables, Locale locale) {
    Object id = variables.get("projectId");
    var project =
        id == null
            ? java.util.Optional.<nl.expertpool.project.Project>empty()
            : projects.find(UUID.fromString(String.valueOf(id)));
    if (project.isEmpty() || project.get().getThemeLabels().isEmpty()) {
      return variables;
    }
    Map<String, Object> named = new LinkedHashMap<>(variables);
    named.replaceAll(
        (name, value) -> {
          if (!(value instanceof List<?> list) || list.isEmpty()) {
            return value;
          }
          List<Object> options = new ArrayList<>();
          for (Object item : list) {
            if (!(item instanceof Map<?, ?> option)
                || option.size() != 2
                || !(option.get("value") instanceof String theme)
                || !option.containsKey("label")
                || !project.get().getThemes().contains(theme)) {
              return value;
            }
            options.add(
                Map.of(
                    "value",
                    theme,
                    "label",
                    project.get().themeLabel(theme, locale.getLanguage())));
          }
          return options;
        });
    return named;
  }

  private FormSchema schema(UserTask task) {
    return forms
        .byId(task.formId())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
