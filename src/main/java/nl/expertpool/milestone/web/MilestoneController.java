package nl.expertpool.milestone.web;

import java.util.List;
import java.util.UUID;
import nl.expertpool.milestone.MilestoneTracker;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MilestoneController {

  private final MilestoneTracker tracker;
  private final ProjectLifecycle projects;
  private final MilestoneMapper mapper;

  MilestoneController(MilestoneTracker tracker, ProjectLifecycle projects, MilestoneMapper mapper) {
    this.tracker = tracker;
    this.projects = projects;
    this.mapper = mapper;
  }

  @GetMapping("/api/projects/{id}/milestones")
  List<MilestoneView> milestones(@PathVariable UUID id) {
    CurrentUser user = CurrentUser.get();
    projects.readable(id, user);
    boolean internal = user.isProjectManager() || user.is(nl.expertpool.security.Role.STAFF);
    return tracker.of(id).stream()
        .filter(m -> internal || m.isClientVisible())
        .map(mapper::toView)
        .toList();
  }
}
