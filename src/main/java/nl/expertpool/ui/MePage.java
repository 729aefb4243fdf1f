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
import nl.expertpool.pools.GivenConsent;
import nl.expertpool.pools.PoolMembership;
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
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The expert's own space, {@code /me}: their open tasks first, then per project their paid hours
 * per activity and whether they are paid out, and what came of their work: the agenda and how the
 * experts supported it. In the language of their application until they choose another.
 */
@Controller
class MePage {

  private final ExpertAccess access;
  private final ProjectLifecycle projects;
  private final TaskInbox tasks;
  private final PaidTime paidTime;
  private final SessionRecording sessions;
  private final nl.expertpool.followup.AgendaFollowUp followUp;
  private final FeedbackRound feedback;
  private final Languages languages;
  private final nl.expertpool.interview.InterviewOverview interviews;
  private final PdfDocuments documents;
  private final java.time.Clock clock;
  private final ExpertLanguage expertLanguage;
  private final PoolMembership pools;
  private final nl.expertpool.pools.Invitations invitations;
  private final nl.expertpool.recruitment.ConsentTexts projectConsent;

  MePage(
      ExpertAccess access,
      ProjectLifecycle projects,
      TaskInbox tasks,
      PaidTime paidTime,
      SessionRecording sessions,
      nl.expertpool.followup.AgendaFollowUp followUp,
      FeedbackRound feedback,
      Languages languages,
      nl.expertpool.interview.InterviewOverview interviews,
      PdfDocuments documents,
      java.time.Clock clock,
      ExpertLanguage expertLanguage,
      PoolMembership pools,
      nl.expertpool.pools.Invitations invitations,
      nl.expertpool.recruitment.ConsentTexts projectConsent) {
    this.invitations = invitations;
    this.followUp = followUp;
    this.projectConsent = projectConsent;
    this.expertLanguage = expertLanguage;
    this.pools = pools;
    this.interviews = interviews;
    this.documents = documents;
    this.clock = clock;
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
      List<ItemSupport> support,
      PoolMembership.Standing pool,
      nl.expertpool.followup.AgendaFollowUp.Year year) {

    /** Hours as people write them in the page's language: {@code 1,5} in Ukrainian, {@code 0}. */
    public String hours(java.math.BigDecimal hours, Locale locale) {
      var format = java.text.NumberFormat.getNumberInstance(locale);
      format.setMaximumFractionDigits(2);
      return format.format(hours);
    }

    /** The amount in euros with its cents, in the page's language: {@code 1 237,50}. */
    public String amount(Locale locale) {
      var format = java.text.NumberFormat.getNumberInstance(locale);
      format.setMinimumFractionDigits(2);
      format.setMaximumFractionDigits(2);
      return format.format(time.amount());
    }
  }

  @GetMapping("/me")
  String me(HttpServletRequest request, Locale locale, Model model) {
    CurrentUser user = CurrentUser.get();
    List<Membership> memberships = access.membershipsOf(user.name());
    Optional<String> preferred = expertLanguage.switchFor(request, locale, memberships);
    if (preferred.isPresent()) {
      return "redirect:/me?lang=" + preferred.get();
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
              feedback.support(m.projectId(), false),
              pools.standing(m.projectId(), m.expertId()).orElse(null),
              followUp.year(m.projectId()).orElse(null)));
    }
    model.addAttribute("tasks", open);
    model.addAttribute("parts", parts);
    model.addAttribute("poolConsent", pools.consentText(locale.getLanguage()));
    model.addAttribute("invitations", invitations.openFor(access.expertIdsOf(user.name())));
    model.addAttribute("projectConsent", projectConsent.shown(locale.getLanguage()));
    return "me/index";
  }

  /**
   * The expert answers an invitation of their standing pool to a new project; accepting agrees to
   * the project's consent text the page showed them.
   */
  @PostMapping("/me/invitations/{invitationId}")
  String answerInvitation(
      @org.springframework.web.bind.annotation.PathVariable java.util.UUID invitationId,
      @org.springframework.web.bind.annotation.RequestParam String answer,
      @org.springframework.web.bind.annotation.RequestParam(required = false) String textVersion,
      @org.springframework.web.bind.annotation.RequestParam(required = false) String language,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    CurrentUser user = CurrentUser.get();
    boolean accept = "accept".equals(answer);
    var answered =
        invitations.answerAsExpert(
            access.expertIdsOf(user.name()),
            invitationId,
            accept,
            textVersion,
            language,
            user.name());
    redirect.addFlashAttribute("answeredProject", answered.projectName());
    redirect.addFlashAttribute("answeredAccept", accept);
    return "redirect:/me#my-invitations";
  }

  /**
   * The expert agrees, on their page, to be invited again by their project's standing pool, with
   * the text the page showed them (its version and language come with the form).
   */
  @PostMapping("/me/pool-consent/{expertId}")
  String agreeToBeInvitedAgain(
      @org.springframework.web.bind.annotation.PathVariable java.util.UUID expertId,
      @org.springframework.web.bind.annotation.RequestParam String textVersion,
      @org.springframework.web.bind.annotation.RequestParam String language) {
    Membership mine = own(expertId);
    pools.join(
        mine.projectId(),
        expertId,
        new GivenConsent(textVersion, language, "web-page"),
        CurrentUser.get().name());
    return "redirect:/me#pool-" + mine.projectId();
  }

  /** The expert leaves their project's standing pool, in one click. */
  @PostMapping("/me/pool-leave/{expertId}")
  String leaveThePool(
      @org.springframework.web.bind.annotation.PathVariable java.util.UUID expertId) {
    Membership mine = own(expertId);
    pools
        .standing(mine.projectId(), expertId)
        .filter(PoolMembership.Standing::isMember)
        .ifPresent(s -> pools.leave(s.poolId(), s.memberId(), CurrentUser.get().name()));
    return "redirect:/me#pool-" + mine.projectId();
  }

  /** One of the signed-in expert's own expert records, or a 404. */
  private Membership own(java.util.UUID expertId) {
    return access.membershipsOf(CurrentUser.get().name()).stream()
        .filter(m -> m.expertId().equals(expertId))
        .findFirst()
        .orElseThrow(
            () ->
                new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.NOT_FOUND, "Not your expert record"));
  }

  /**
   * The certificate of participation of a certified expert, for a CV: in their language and, after
   * it, in Dutch; training hours, interviews held and the meeting. Only their own.
   */
  @GetMapping("/me/certificate/{expertId}.pdf")
  org.springframework.http.ResponseEntity<byte[]> certificate(
      @org.springframework.web.bind.annotation.PathVariable java.util.UUID expertId) {
    CurrentUser user = CurrentUser.get();
    Membership membership =
        access.membershipsOf(user.name()).stream()
            .filter(m -> m.expertId().equals(expertId))
            .filter(m -> m.certifiedAt() != null && m.name() != null)
            .findFirst()
            .orElseThrow(
                () ->
                    new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND, "No certificate"));
    Project project =
        projects
            .find(membership.projectId())
            .orElseThrow(
                () ->
                    new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND, "No certificate"));
    PaidTime.Line time =
        paidTime.overview(project.getId()).experts().stream()
            .filter(l -> l.expertId().equals(expertId))
            .findFirst()
            .orElse(null);
    long held =
        interviews.of(project.getId()).stream()
            .filter(i -> i.expertId().equals(expertId))
            .filter(i -> i.status() == nl.expertpool.interview.Interview.Status.RECORDED)
            .count();
    var variables = new java.util.HashMap<String, Object>();
    variables.put("name", membership.name());
    variables.put("project", project);
    variables.put("certifiedAt", membership.certifiedAt());
    variables.put("trainingHours", time == null ? BigDecimal.ZERO : time.trainingHours());
    variables.put("interviews", held);
    variables.put("meeting", time != null && time.sessionHours().signum() > 0);
    variables.put("issuedAt", clock.instant());
    List<Locale> locales = new ArrayList<>();
    locales.add(languages.of(membership.preferredLanguage()));
    if (!membership.preferredLanguage().equals("nl")) {
      locales.add(languages.of("nl"));
    }
    return org.springframework.http.ResponseEntity.ok()
        .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
        .header("Cache-Control", "no-store")
        .header(
            "Content-Disposition",
            "attachment; filename=\"certificate-" + membership.pseudonym() + ".pdf\"")
        .body(documents.render("documents/certificate", variables, locales));
  }
}
