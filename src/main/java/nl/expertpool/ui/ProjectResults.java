package nl.expertpool.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.feedback.FeedbackRound;
import nl.expertpool.feedback.ItemSupport;
import nl.expertpool.handover.HandoverPackage;
import nl.expertpool.insight.Synthesis;
import nl.expertpool.insight.SynthesisView;
import nl.expertpool.interview.Interview;
import nl.expertpool.interview.InterviewOverview;
import nl.expertpool.remuneration.PaidTime;
import nl.expertpool.session.ActionAgenda;
import nl.expertpool.session.SessionRecording;
import nl.expertpool.ui.BarChart.Bar;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What each phase of a project produced, for its page: the interviews (pseudonymised, filtered by
 * theme and status), the insights per theme, the action agenda, the experts' support for it and the
 * paid time. Each part is null until its phase has produced it.
 */
@Component
class ProjectResults {

  private static final BigDecimal MOST_SUPPORT = new BigDecimal("5");

  private final InterviewOverview interviews;
  private final Synthesis synthesis;
  private final SessionRecording sessions;
  private final FeedbackRound feedback;
  private final PaidTime paidTime;
  private final HandoverPackage handover;
  private final MessageSource messages;

  ProjectResults(
      InterviewOverview interviews,
      Synthesis synthesis,
      SessionRecording sessions,
      FeedbackRound feedback,
      PaidTime paidTime,
      HandoverPackage handover,
      @Qualifier("messageSource") MessageSource messages) {
    this.interviews = interviews;
    this.synthesis = synthesis;
    this.sessions = sessions;
    this.feedback = feedback;
    this.paidTime = paidTime;
    this.handover = handover;
    this.messages = messages;
  }

  /**
   * @param theme only interviews that raised it; null or blank for all
   * @param status only interviews with it ({@code RECORDED}, ...); null or blank for all
   */
  Results of(
      UUID projectId,
      String theme,
      String status,
      Locale locale,
      java.util.function.UnaryOperator<String> themeName) {
    List<Interview> all = interviews.of(projectId);
    List<Interview> shown =
        all.stream()
            .filter(i -> blank(theme) || i.themes().contains(theme))
            .filter(i -> blank(status) || i.status().name().equals(status))
            .toList();
    SynthesisView insights = synthesis.of(projectId).orElse(null);
    List<ItemSupport> support = feedback.support(projectId, true);
    boolean scored = support.stream().anyMatch(s -> s.supportCount() > 0);
    return new Results(
        all.size(),
        shown,
        insights,
        insights == null ? null : shareChart(insights, locale, themeName),
        sessions.agenda(projectId).orElse(null),
        scored ? support : null,
        scored ? supportChart(support, locale) : null,
        feedback.responses(projectId),
        paidTime.overview(projectId),
        handover.html(projectId).isPresent());
  }

  /** The share of the recorded interviews that raised each theme, each named by {@code name}. */
  String shareChart(
      SynthesisView insights, Locale locale, java.util.function.UnaryOperator<String> name) {
    return BarChart.html(
        messages.getMessage("results.insights.chart", null, locale),
        insights.themes().stream()
            .map(
                t ->
                    new Bar(
                        name.apply(t.theme()),
                        t.share().doubleValue(),
                        t.percent() + " % (" + t.interviewCount() + ")",
                        false))
            .toList());
  }

  private String supportChart(List<ItemSupport> support, Locale locale) {
    return BarChart.html(
        messages.getMessage("results.feedback.chart", null, locale),
        support.stream()
            .map(
                s ->
                    new Bar(
                        s.position() + ". " + s.action(),
                        s.meanSupport() == null
                            ? 0
                            : s.meanSupport()
                                .divide(MOST_SUPPORT, 4, RoundingMode.HALF_UP)
                                .doubleValue(),
                        s.meanSupport() == null
                            ? "–"
                            : String.format(locale, "%.1f (%d)", s.meanSupport(), s.supportCount()),
                        s.flagged()))
            .toList());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /**
   * @param interviewCount every interview slot stored, before the filter
   * @param support null until an expert scored an action
   * @param responses experts who gave feedback ({@code GIVEN}) and who did not ({@code MISSING})
   */
  record Results(
      int interviewCount,
      List<Interview> interviews,
      SynthesisView insights,
      String shareChart,
      ActionAgenda agenda,
      List<ItemSupport> support,
      String supportChart,
      Map<String, Integer> responses,
      PaidTime.Overview paidTime,
      boolean handoverReady) {}
}
