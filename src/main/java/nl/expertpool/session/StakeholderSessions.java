package nl.expertpool.session;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.forms.FormValues;
import nl.expertpool.insight.Synthesis;
import nl.expertpool.insight.SynthesisView;
import nl.expertpool.insight.ThemeInsight;
import nl.expertpool.interview.Interviews;
import nl.expertpool.jobs.RefusedInput;
import nl.expertpool.notification.Notifications;
import nl.expertpool.notification.Notifications.Recipient;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.recruitment.Pool;
import nl.expertpool.recruitment.Pool.PoolMember;
import nl.expertpool.remuneration.Remuneration;
import nl.expertpool.session.ActionAgenda.Item;
import nl.expertpool.session.ActionAgenda.Participation;
import nl.expertpool.session.ActionAgenda.SupportingInsight;
import nl.expertpool.session.SessionOutcome.AgendaItem;
import nl.expertpool.session.SessionOutcome.Participant;
import nl.expertpool.session.SessionPlan.Invitation;
import nl.expertpool.web.JsonText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Plans the stakeholder session, invites and reminds the organisations, and keeps its outcome. */
@Service
public class StakeholderSessions {

  /** Reminders go out this long before the session. */
  static final Duration REMINDER_BEFORE = Duration.ofDays(2);

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final ProjectLifecycle projects;
  private final Synthesis synthesis;
  private final Pool pool;
  private final Remuneration remuneration;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  StakeholderSessions(
      ProjectLifecycle projects,
      Synthesis synthesis,
      Pool pool,
      Remuneration remuneration,
      Notifications notifications,
      AuditTrail audit,
      JdbcTemplate jdbc,
      ObjectMapper json,
      Clock clock) {
    this.projects = projects;
    this.synthesis = synthesis;
    this.pool = pool;
    this.remuneration = remuneration;
    this.notifications = notifications;
    this.audit = audit;
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Stores the plan from the planning form (replacing an earlier one) and invites each
   * organisation's contact in their language.
   */
  @Transactional
  public Plan plan(UUID projectId, SessionPlan form) {
    Project project = projects.get(projectId);
    Instant sessionAt = form.sessionAt();
    String venue = form.venue();
    jdbc.update("delete from session_participation where project_id = ?", projectId);
    jdbc.update("delete from session_invitation where project_id = ?", projectId);
    jdbc.update("delete from stakeholder_session where project_id = ?", projectId);
    jdbc.update(
        "insert into stakeholder_session (project_id, session_at, venue, planned_at)"
            + " values (?, ?, ?, ?)",
        projectId,
        Timestamp.from(sessionAt),
        venue,
        Timestamp.from(clock.instant()));
    int position = 1;
    for (Invitation invitation : form.invitations()) {
      UUID id = UUID.randomUUID();
      jdbc.update(
          "insert into session_invitation (project_id, position, id, organisation, contact_name,"
              + " contact_email, language) values (?, ?, ?, ?, ?, ?, ?)",
          projectId,
          position++,
          id,
          invitation.organisation(),
          invitation.contactName(),
          invitation.contactEmail(),
          invitation.language());
    }
    int invited = send(projectId, project, "session-invitation");
    audit.record(
        AuditTrail.ENGINE,
        "session.planned",
        AuditTrail.project(projectId),
        sessionAt + ", " + invited + " organisations invited");
    return new Plan(sessionAt, sessionAt.minus(REMINDER_BEFORE), invited);
  }

  /** Reminds every invited organisation's contact. */
  @Transactional
  public int remind(UUID projectId) {
    int reminded = send(projectId, projects.get(projectId), "session-reminder");
    jdbc.update(
        "update stakeholder_session set reminders_sent_at = ? where project_id = ?",
        Timestamp.from(clock.instant()),
        projectId);
    audit.record(
        AuditTrail.ENGINE,
        "session.reminded",
        AuditTrail.project(projectId),
        reminded + " organisations");
    return reminded;
  }

  /** What the outcome form chooses from: the project's themes and the synthesised insights. */
  @Transactional(readOnly = true)
  public OutcomeOptions outcomeOptions(UUID projectId) {
    return new OutcomeOptions(
        Interviews.themeOptions(projects.get(projectId).getThemes()),
        synthesis.insightOptions(projectId),
        pool.pool(projectId).stream()
            .filter(PoolMember::certified)
            .map(e -> Map.of("label", "Expert " + e.pseudonym(), "value", e.expertId().toString()))
            .toList());
  }

  /** Stores participants, the shared insight and the action agenda (replacing an earlier one). */
  @Transactional
  public int storeOutcome(UUID projectId, SessionOutcome form) {
    Project project = projects.get(projectId);
    refuseForeign(projectId, project, form);
    jdbc.update("delete from session_participation where project_id = ?", projectId);
    jdbc.update("delete from action_item where project_id = ?", projectId);
    int position = 1;
    for (Participant row : form.participants()) {
      jdbc.update(
          "insert into session_participation (project_id, position, organisation,"
              + " participant_count) values (?, ?, ?, ?)",
          projectId,
          position++,
          row.organisation(),
          row.count());
    }
    position = 1;
    for (AgendaItem row : form.agendaItems()) {
      List<String> supporting =
          row.supportingInsights().stream()
              .filter(project.getThemes()::contains)
              .distinct()
              .toList();
      jdbc.update(
          "insert into action_item (project_id, position, theme, action, owner, term, priority,"
              + " supporting_insights) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)",
          projectId,
          position++,
          FormValues.text(row.theme()),
          row.action(),
          row.owner(),
          row.term(),
          row.priority(),
          write(supporting));
    }
    int items = position - 1;
    int minutes = form.sessionMinutes();
    if (minutes > 0) {
      var pool = this.pool.pool(projectId).stream().map(e -> e.expertId().toString()).toList();
      for (String expert : form.expertsPresent()) {
        if (pool.contains(expert)) {
          remuneration.book(
              projectId,
              UUID.fromString(expert),
              Remuneration.Kind.SESSION,
              "stakeholder-session",
              minutes);
        }
      }
    }
    jdbc.update(
        "update stakeholder_session set shared_insight = ?, outcome_recorded_at = ?"
            + " where project_id = ?",
        form.sharedInsight(),
        Timestamp.from(clock.instant()),
        projectId);
    audit.record(
        AuditTrail.ENGINE,
        "session.agenda-stored",
        AuditTrail.project(projectId),
        items + " actions");
    return items;
  }

  /**
   * Refuses experts who are not of the project's pool and themes and insights that are not the
   * project's, before anything is stored.
   */
  private void refuseForeign(UUID projectId, Project project, SessionOutcome form) {
    for (String expert : form.expertsPresent()) {
      if (!pool.inPool(projectId, RefusedInput.id(expert, "expertsPresent"))) {
        throw new RefusedInput("Expert " + expert + " is not of project " + projectId);
      }
    }
    for (AgendaItem row : form.agendaItems()) {
      var themes = new ArrayList<String>();
      themes.add(row.theme());
      themes.addAll(row.supportingInsights());
      for (String theme : themes) {
        if (theme != null && !project.getThemes().contains(theme)) {
          throw new RefusedInput("Theme " + theme + " is not of project " + projectId);
        }
      }
    }
  }

  /** The agenda once the outcome is recorded, each action with the insights behind it. */
  @Transactional(readOnly = true)
  public Optional<ActionAgenda> agenda(UUID projectId) {
    Map<String, ThemeInsight> insights =
        synthesis.of(projectId).map(SynthesisView::themes).orElse(List.of()).stream()
            .collect(Collectors.toMap(ThemeInsight::theme, Function.identity()));
    List<Participation> participants =
        jdbc.query(
            "select organisation, participant_count from session_participation"
                + " where project_id = ? order by position",
            (rs, row) -> new Participation(rs.getString(1), rs.getInt(2)),
            projectId);
    List<Item> items =
        jdbc.query(
            "select * from action_item where project_id = ? order by position",
            (rs, row) ->
                new Item(
                    rs.getInt("position"),
                    rs.getString("theme"),
                    rs.getString("action"),
                    rs.getString("owner"),
                    rs.getString("term"),
                    rs.getString("priority"),
                    read(rs.getString("supporting_insights")).stream()
                        .map(theme -> supporting(theme, insights.get(theme)))
                        .toList()),
            projectId);
    return jdbc
        .query(
            "select session_at, venue, shared_insight, outcome_recorded_at"
                + " from stakeholder_session where project_id = ? and outcome_recorded_at is not null",
            (rs, row) ->
                new ActionAgenda(
                    rs.getTimestamp(1).toInstant(),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    participants,
                    items),
            projectId)
        .stream()
        .findFirst();
  }

  private static SupportingInsight supporting(String theme, ThemeInsight insight) {
    if (insight == null) {
      return new SupportingInsight(theme, 0, java.math.BigDecimal.ZERO, List.of());
    }
    return new SupportingInsight(
        theme,
        insight.interviewCount(),
        insight.share(),
        insight.quotes().stream().map(ThemeInsight.Quote::interviewId).toList());
  }

  private int send(UUID projectId, Project project, String template) {
    var session =
        jdbc.queryForMap(
            "select session_at, venue from stakeholder_session where project_id = ?", projectId);
    String when =
        SHOWN.format(((Timestamp) session.get("session_at")).toInstant().atZone(FormValues.LOCAL));
    var invitations =
        jdbc.queryForList(
            "select id, organisation, contact_name, contact_email, language"
                + " from session_invitation where project_id = ? order by position",
            projectId);
    for (Map<String, Object> invitation : invitations) {
      notifications.send(
          new Recipient(
              (UUID) invitation.get("id"),
              (String) invitation.get("contact_email"),
              null,
              (String) invitation.get("language")),
          template,
          project.getName(),
          when,
          session.get("venue"),
          invitation.get("contact_name"),
          invitation.get("organisation"));
    }
    return invitations.size();
  }

  private String write(Object value) {
    return JsonText.write(json, value);
  }

  private List<String> read(String value) {
    return JsonText.read(json, value, STRINGS);
  }

  /** When the session is, when to remind, and how many organisations were invited. */
  public record Plan(Instant sessionAt, Instant reminderAt, int invited) {}

  /** Options for the outcome form: {@code [{label, value}]} each. */
  public record OutcomeOptions(
      List<Map<String, String>> projectThemes,
      List<Map<String, String>> insightOptions,
      List<Map<String, String>> expertOptions) {}
}
