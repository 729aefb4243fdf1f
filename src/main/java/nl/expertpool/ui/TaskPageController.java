package nl.expertpool.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.expertpool.engine.UserTask;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.tasks.TaskInbox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The task inbox: the open tasks of my groups, by project, to claim and complete. */
@Controller
class TaskPageController {

  private final TaskInbox tasks;
  private final ProjectLifecycle projects;

  TaskPageController(TaskInbox tasks, ProjectLifecycle projects) {
    this.tasks = tasks;
    this.projects = projects;
  }

  @GetMapping("/tasks")
  String inbox(@RequestParam(required = false) UUID projectId, Model model) {
    CurrentUser user = CurrentUser.get();
    List<UserTask> open =
        tasks.open(user, projectId).stream()
            .sorted(
                Comparator.comparing(
                    UserTask::createdAt, Comparator.nullsLast(Comparator.naturalOrder())))
            .toList();
    Map<String, Project> byId =
        projects.all().stream()
            .filter(
                p -> user.mayReadProjectOf(p.getClient().getName()) || !tasksOf(open, p).isEmpty())
            .collect(Collectors.toMap(p -> p.getId().toString(), Function.identity()));
    model.addAttribute("tasks", open);
    model.addAttribute("projects", byId);
    model.addAttribute("projectId", projectId);
    model.addAttribute("me", user.name());
    return "tasks/inbox";
  }

  @PostMapping("/tasks/{key}/claim")
  String claim(@PathVariable long key, @RequestParam(required = false) UUID projectId) {
    tasks.claim(CurrentUser.get(), key);
    return back(projectId);
  }

  @PostMapping("/tasks/{key}/unclaim")
  String unclaim(@PathVariable long key, @RequestParam(required = false) UUID projectId) {
    tasks.unclaim(CurrentUser.get(), key);
    return back(projectId);
  }

  private static String back(UUID projectId) {
    return projectId == null ? "redirect:/tasks" : "redirect:/tasks?projectId=" + projectId;
  }

  private static List<UserTask> tasksOf(List<UserTask> open, Project project) {
    return open.stream()
        .filter(
            t -> project.getId().toString().equals(String.valueOf(t.variables().get("projectId"))))
        .toList();
  }
}
