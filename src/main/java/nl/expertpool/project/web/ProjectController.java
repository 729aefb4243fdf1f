package nl.expertpool.project.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import nl.expertpool.project.NewProject;
import nl.expertpool.project.PlanChange;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.security.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects")
class ProjectController {

  private final ProjectLifecycle lifecycle;
  private final ProjectMapper mapper;

  ProjectController(ProjectLifecycle lifecycle, ProjectMapper mapper) {
    this.lifecycle = lifecycle;
    this.mapper = mapper;
  }

  // produces: an Accept the answer cannot meet is refused (406) before the project is made.
  @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ProjectView> create(@Valid @RequestBody NewProject plan) {
    Project project = lifecycle.create(plan, CurrentUser.get().name());
    return ResponseEntity.created(URI.create("/api/projects/" + project.getId()))
        .body(mapper.toView(project));
  }

  @GetMapping
  List<ProjectView> list() {
    CurrentUser user = CurrentUser.get();
    List<Project> projects =
        user.isProjectManager() || user.is(Role.STAFF)
            ? lifecycle.all()
            : user.organisation() == null ? List.of() : lifecycle.ofClient(user.organisation());
    return projects.stream().map(p -> view(p, user)).toList();
  }

  @GetMapping("/{id}")
  ProjectView get(@PathVariable UUID id) {
    CurrentUser user = CurrentUser.get();
    return view(lifecycle.readable(id, user), user);
  }

  private ProjectView view(Project project, CurrentUser user) {
    return user.isProjectManager() || user.is(Role.STAFF)
        ? mapper.toView(project)
        : mapper.toClientView(project);
  }

  /** Changes deadlines, and targets before screening; answers the project as it is now. */
  @PostMapping(value = "/{id}/plan-changes", produces = MediaType.APPLICATION_JSON_VALUE)
  ProjectView changePlan(@PathVariable UUID id, @Valid @RequestBody PlanChange change) {
    return mapper.toView(lifecycle.changePlan(id, change, CurrentUser.get().name()));
  }

  /** Starts an interrupted project's process again, in the phase it was in; 409 otherwise. */
  @PostMapping(value = "/{id}/resumption", produces = MediaType.APPLICATION_JSON_VALUE)
  ProjectView resume(@PathVariable UUID id) {
    return mapper.toView(lifecycle.resume(id, CurrentUser.get().name()));
  }

  @PostMapping("/{id}/cancellation")
  ResponseEntity<Void> cancel(@PathVariable UUID id) {
    lifecycle.requestCancellation(id, CurrentUser.get().name());
    return ResponseEntity.accepted().build();
  }
}
