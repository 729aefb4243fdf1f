package nl.expertpool.insight.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import nl.expertpool.insight.Synthesis;
import nl.expertpool.insight.SynthesisView;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.security.Role;
import nl.expertpool.web.ApiException;
import nl.expertpool.web.Csv;
import nl.expertpool.web.HtmlDocumentStyle;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Insights per theme. Staff and project managers get everything, including the synthesis document;
 * the project's client gets counts only, never interview content.
 */
@RestController
class InsightController {

  private static final String PATH = "/api/projects/{id}/insights";

  private final Synthesis synthesis;
  private final ProjectLifecycle projects;

  InsightController(Synthesis synthesis, ProjectLifecycle projects) {
    this.synthesis = synthesis;
    this.projects = projects;
  }

  @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  Object insights(@PathVariable UUID id) {
    SynthesisView view = synthesisOf(id);
    return internal() ? view : counts(view);
  }

  @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> document(@PathVariable UUID id) {
    synthesisOf(id);
    if (!internal()) {
      throw ApiException.forbidden("The synthesis document quotes interviews; clients get counts");
    }
    return HtmlDocumentStyle.of(synthesis.document(id).orElseThrow());
  }

  @GetMapping(value = PATH, produces = Csv.MEDIA_TYPE)
  ResponseEntity<String> csv(@PathVariable UUID id) {
    return Csv.download(synthesisOf(id).table(id, internal()));
  }

  private SynthesisView synthesisOf(UUID id) {
    projects.readable(id, CurrentUser.get());
    return synthesis
        .of(id)
        .orElseThrow(() -> ApiException.notFound("Project " + id + " has no insights yet"));
  }

  private static boolean internal() {
    CurrentUser user = CurrentUser.get();
    return user.isProjectManager() || user.is(Role.STAFF);
  }

  private static InsightCounts counts(SynthesisView view) {
    return new InsightCounts(
        view.status(),
        view.interviewsRecorded(),
        view.interviewsDeclined(),
        view.interviewsMissing(),
        view.themes().stream()
            .map(t -> new ThemeCount(t.theme(), t.interviewCount(), t.share()))
            .toList());
  }

  /** What a client sees: counts per theme, no content. */
  record InsightCounts(
      String status,
      int interviewsRecorded,
      int interviewsDeclined,
      int interviewsMissing,
      List<ThemeCount> themes) {}

  record ThemeCount(String theme, int interviewCount, BigDecimal share) {}
}
