package nl.expertpool.handover;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.feedback.FeedbackRound;
import nl.expertpool.insight.Synthesis;
import nl.expertpool.interview.InterviewOverview;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.recruitment.Pool;
import nl.expertpool.session.SessionRecording;
import nl.expertpool.training.Training;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The handover package, from aggregates only (no names, no interview content): results of the pool
 * and the interviews, insights per theme, the action agenda with the experts' support, and a method
 * guide, as HTML and PDF.
 */
@Service
public class HandoverPackage {

  private final ProjectLifecycle projects;
  private final Pool poolOf;
  private final Training training;
  private final InterviewOverview interviews;
  private final Synthesis synthesis;
  private final SessionRecording sessions;
  private final FeedbackRound feedback;
  private final ITemplateEngine templates;
  private final AuditTrail audit;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  HandoverPackage(
      ProjectLifecycle projects,
      Pool poolOf,
      Training training,
      InterviewOverview interviews,
      Synthesis synthesis,
      SessionRecording sessions,
      FeedbackRound feedback,
      ITemplateEngine templates,
      AuditTrail audit,
      JdbcTemplate jdbc,
      Clock clock) {
    this.projects = projects;
    this.poolOf = poolOf;
    this.training = training;
    this.interviews = interviews;
    this.synthesis = synthesis;
    this.sessions = sessions;
    this.feedback = feedback;
    this.templates = templates;
    this.audit = audit;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Renders the package as HTML and PDF and stores both (replacing an earlier build). */
  @Transactional
  public int build(UUID projectId) {
    Project project = projects.get(projectId);
    String html = render(project);
    byte[] pdf = pdf(html);
    jdbc.update(
        "insert into handover_package (project_id, html, pdf, built_at) values (?, ?, ?, ?)"
            + " on conflict (project_id) do update set html = excluded.html,"
            + " pdf = excluded.pdf, built_at = excluded.built_at",
        projectId,
        html,
        pdf,
        Timestamp.from(clock.instant()));
    audit.record(
        AuditTrail.ENGINE,
        "handover.package-built",
        AuditTrail.project(projectId),
        pdf.length + " bytes of PDF");
    return pdf.length;
  }

  @Transactional(readOnly = true)
  public Optional<String> html(UUID projectId) {
    return jdbc
        .query(
            "select html from handover_package where project_id = ?",
            (rs, row) -> rs.getString(1),
            projectId)
        .stream()
        .findFirst();
  }

  @Transactional(readOnly = true)
  public Optional<byte[]> pdf(UUID projectId) {
    return jdbc
        .query(
            "select pdf from handover_package where project_id = ?",
            (rs, row) -> rs.getBytes(1),
            projectId)
        .stream()
        .findFirst();
  }

  private String render(Project project) {
    UUID id = project.getId();
    var context = new Context(Locale.ENGLISH);
    context.setVariable("project", project);
    context.setVariable("builtAt", clock.instant());
    context.setVariable("pool", pool(id));
    context.setVariable("interviews", interviews.counts(id));
    context.setVariable("profile", interviews.profile(id));
    context.setVariable("synthesis", synthesis.of(id).orElse(null));
    context.setVariable("agenda", sessions.agenda(id).orElse(null));
    context.setVariable("support", feedback.support(id, false));
    context.setVariable("responses", feedback.responses(id));
    return templates.process("documents/handover", context);
  }

  /** Counts of the pool: applicants, experts, certified experts, languages spoken. */
  private Map<String, Object> pool(UUID projectId) {
    Pool.Figures figures = poolOf.figures(projectId);
    Map<String, Object> pool = new LinkedHashMap<>();
    pool.put("applicants", figures.applicants());
    pool.put("experts", figures.experts());
    pool.put("certified", figures.certified());
    pool.put("trainingSessions", training.sessionCount(projectId));
    pool.put("languages", figures.languages());
    return pool;
  }

  private static byte[] pdf(String html) {
    var out = new ByteArrayOutputStream();
    try {
      var builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(html, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
