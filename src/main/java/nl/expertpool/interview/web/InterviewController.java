package nl.expertpool.interview.web;

import java.util.List;
import java.util.UUID;
import nl.expertpool.interview.Interview;
import nl.expertpool.interview.InterviewOverview;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Interviews for staff and project managers only (the security rules keep clients out). */
@RestController
class InterviewController {

  private final InterviewOverview interviews;
  private final ProjectLifecycle projects;

  InterviewController(InterviewOverview interviews, ProjectLifecycle projects) {
    this.interviews = interviews;
    this.projects = projects;
  }

  @GetMapping("/api/projects/{id}/interviews")
  List<Interview> interviews(@PathVariable UUID id) {
    if (projects.find(id).isEmpty()) {
      throw ApiException.notFound("No project " + id);
    }
    return interviews.of(id);
  }
}
