package nl.expertpool.feedback.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.feedback.FeedbackRound;
import nl.expertpool.feedback.ItemSupport;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.security.Role;
import nl.expertpool.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The experts' support per action; the comments are for staff and project managers. */
@RestController
class FeedbackController {

  private final FeedbackRound feedback;
  private final ProjectLifecycle projects;

  FeedbackController(FeedbackRound feedback, ProjectLifecycle projects) {
    this.feedback = feedback;
    this.projects = projects;
  }

  @GetMapping("/api/projects/{id}/feedback")
  Feedback feedback(@PathVariable UUID id) {
    Project project =
        projects.find(id).orElseThrow(() -> ApiException.notFound("No project " + id));
    CurrentUser user = CurrentUser.get();
    if (!user.mayReadProjectOf(project.getClient().getName())) {
      throw ApiException.notFound("No project " + id);
    }
    boolean internal = user.isProjectManager() || user.is(Role.STAFF);
    return new Feedback(feedback.responses(id), feedback.support(id, internal));
  }

  /**
   * @param responses experts per status: {@code GIVEN}, {@code MISSING}
   */
  record Feedback(Map<String, Integer> responses, List<ItemSupport> items) {}
}
