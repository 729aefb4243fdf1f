package nl.expertpool.ui;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.expertpool.engine.UserTask;
import nl.expertpool.feedback.FeedbackRound;
import nl.expertpool.feedback.ItemSupport;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.recruitment.ExpertAccess;
import nl.expertpool.recruitment.ExpertAccess.Membership;
import nl.expertpool.remuneration.PaidTime;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.session.ActionAgenda;
import nl.expertpool.session.SessionRecording;
import nl.expertpool.tasks.TaskInbox;
import nl.expertpool.web.Languages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.WebUtils;

/**
 * The expert's own space, {@code /me}: their open tasks first, then per project their paid hours
 * per activity and whether they are paid out, and what came of their work: the agenda and how the
 * experts supported it. In the language of their application until they choose another.
 */
@Controller
class MePage {

  static final String LANGUAGE_COOKIE = "expertpool-language";

  private final ExpertAccess access;
  private final ProjectLifecycle projects;
  private final TaskInbox tasks;
  private final PaidTime paidTime;
  private final SessionRecording sessions;
  private final FeedbackRound feedback;
  private final Languages languages;

  MePage(
      ExpertAccess access,
      ProjectLifecycle projects,
      TaskInbox tasks,
      PaidTime paidTime,
      SessionRecording sessions,
      FeedbackRound feedback,
      Languages languages) {
    this.access = access;
    this.projects = projects;
    this.tasks = tasks;
    this.paidTime = paidTime;
    this.sessions = sessions;
    this.feedback = feedback;
    this.languages = languages;
  }

  /** One project of the expert's: their paid time in it and what it produced. */
  record Part(
      Project project,
      Membership membership,
      PaidTime.Line time,
      boolean settled,
      ActionAgenda agenda,
      List<ItemSupport> support) {}

  @GetMapping("/me")
  String me(HttpServletRequest request, Locale locale, Model model) {
    CurrentUser user = CurrentUser.get();
    List<Membership> memberships = access.membershipsOf(user.name());
    if (request.getParameter("lang") == null
        && WebUtils.getCookie(request, LANGUAGE_COOKIE) == null
        && !memberships.isEmpty()) {
      String preferred = memberships.getFirst().preferredLanguage();
      if (languages.offers(preferred) && !preferred.equals(locale.getLanguage())) {
        return "redirect:/me?lang=" + preferred;
      }
    }
    List<UserTask> open = tasks.open(user, null);
    List<Part> parts = new ArrayList<>();
    for (Membership m : memberships) {
      Optional<Project> project = projects.find(m.projectId());
      if (project.isEmpty()) {
        continue;
      }
      var overview = paidTime.overview(m.projectId());
      PaidTime.Line line =
          overview.experts().stream()
              .filter(l -> l.expertId().equals(m.expertId()))
              .findFirst()
              .orElse(
                  new PaidTime.Line(
                      m.expertId(),
                      m.pseudonym(),
                      BigDecimal.ZERO,
                      BigDecimal.ZERO,
                      BigDecimal.ZERO,
                      BigDecimal.ZERO,
                      BigDecimal.ZERO,
                      false));
      parts.add(
          new Part(
              project.get(),
              m,
              line,
              overview.settledAt() != null,
              sessions.agenda(m.projectId()).orElse(null),
              feedback.support(m.projectId(), false)));
    }
    model.addAttribute("tasks", open);
    model.addAttribute("parts", parts);
    return "me/index";
  }
}
