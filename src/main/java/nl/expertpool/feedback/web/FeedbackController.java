package nl.expertpool.feedback.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.feedback.FeedbackRound;
import nl.expertpool.feedback.ItemSupport;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.security.Role;
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
    CurrentUser user = CurrentUser.get();
    projects.readable(id, user);
    boolean internal = user.isProjectManager() || user.is(Role.STAFF);
    return new Feedback(feedback.responses(id), feedback.support(id, internal));
  }

  /**
   * @param responses experts per status: {@code GIVEN}, {@code MISSING}
   */
  record Feedback(Map<String, Integer> responses, List<ItemSupport> items) {}
}
