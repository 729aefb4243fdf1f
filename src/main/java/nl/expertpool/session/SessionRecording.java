package nl.expertpool.session;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.forms.FormValue;
import nl.expertpool.insight.Synthesis;
import nl.expertpool.insight.SynthesisView;
import nl.expertpool.insight.ThemeInsight;
import nl.expertpool.interview.InterviewRound;
import nl.expertpool.jobs.RefusedInput;
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
import nl.expertpool.web.JsonText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the session's outcome: who took part, the shared insight, the experts' hours and the action
 * agenda, each action traced to the insights behind it.
 */
@Service
public class SessionRecording {

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final ProjectLifecycle projects;
  private final Synthesis synthesis;
  private final Pool pool;
  private final Remuneration remuneration;
  private final AuditTrail audit;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  SessionRecording(
      ProjectLifecycle projects,
      Synthesis synthesis,
      Pool pool,
      Remuneration remuneration,
      AuditTrail audit,
      JdbcTemplate jdbc,
      ObjectMapper json,
      Clock clock) {
    this.projects = projects;
    this.synthesis = synthesis;
    this.pool = pool;
    this.remuneration = remuneration;
    this.audit = audit;
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** What the outcome form chooses from: the project's themes and the synthesised insights. */
  @Transactional(readOnly = true)
  public OutcomeOptions outcomeOptions(UUID projectId) {
    return new OutcomeOptions(
        InterviewRound.themeOptions(projects.get(projectId).getThemes()),
        synthesis.insightOptions(projectId),
        pool.pool(projectId).stream()
            .filter(PoolMember::certified)
            .map(e -> Map.of("label", "Expert " + e.pseudonym(), "value", e.expertId().toString()))
            .toList());
  }

  /**
   * Stores one session's participants, shared insight and part of the action agenda (replacing an
   * earlier outcome of that session). The session's actions follow those of the sessions before it
   * on the agenda.
   *
   * @param session the session's number, from 1
   */
  @Transactional
  public int storeOutcome(UUID projectId, int session, SessionOutcome form) {
    Project project = projects.get(projectId);
    refuseForeign(projectId, project, form);
    jdbc.update(
        "delete from session_participation where project_id = ? and session_number = ?",
        projectId,
        session);
    jdbc.update(
        "delete from action_item where project_id = ? and session_number = ?", projectId, session);
    int position = 1;
    for (Participant row : form.participants()) {
      jdbc.update(
          "insert into session_participation (project_id, session_number, position, organisation,"
              + " participant_count) values (?, ?, ?, ?, ?)",
          projectId,
          session,
          position++,
          row.organisation(),
          row.count());
    }
    Integer before =
        jdbc.queryForObject(
            "select coalesce(max(position), 0) from action_item where project_id = ?",
            Integer.class,
            projectId);
    int first = (before == null ? 0 : before) + 1;
    position = first;
    for (AgendaItem row : form.agendaItems()) {
      List<String> supporting =
          row.supportingInsights().stream()
              .filter(project.getThemes()::contains)
              .distinct()
              .toList();
      jdbc.update(
          "insert into action_item (project_id, session_number, position, theme, action, owner,"
              + " term, priority, supporting_insights) values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)",
          projectId,
          session,
          position++,
          FormValue.text(row.theme()),
          row.action(),
          row.owner(),
          row.term(),
          row.priority(),
          write(supporting));
    }
    int items = position - first;
    int minutes = form.sessionMinutes();
    if (minutes > 0) {
      var pool = this.pool.pool(projectId).stream().map(e -> e.expertId().toString()).toList();
      for (String expert : form.expertsPresent()) {
        if (pool.contains(expert)) {
          remuneration.book(
              projectId,
              UUID.fromString(expert),
              Remuneration.Kind.SESSION,
              session == 1 ? "stakeholder-session" : "stakeholder-session-" + session,
              minutes);
        }
      }
    }
    jdbc.update(
        "update stakeholder_session set shared_insight = ?, outcome_recorded_at = ?"
            + " where project_id = ? and session_number = ?",
        form.sharedInsight(),
        Timestamp.from(clock.instant()),
        projectId,
        session);
    audit.record(
        AuditTrail.ENGINE,
        "session.agenda-stored",
        AuditTrail.project(projectId),
        "session " + session + ": " + items + " actions");
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

  /**
   * The agenda once a session's outcome is recorded: the union of the sessions' parts, each action
   * with the insights behind it and the session it came from. The first session's date, venue and
   * shared insight stand for the whole; each session is listed with its own.
   */
  @Transactional(readOnly = true)
  public Optional<ActionAgenda> agenda(UUID projectId) {
    Map<String, ThemeInsight> insights =
        synthesis.of(projectId).map(SynthesisView::themes).orElse(List.of()).stream()
            .collect(Collectors.toMap(ThemeInsight::theme, Function.identity()));
    Map<Integer, List<Participation>> present = new java.util.TreeMap<>();
    jdbc.query(
        "select session_number, organisation, participant_count from session_participation"
            + " where project_id = ? order by session_number, position",
        rs -> {
          present
              .computeIfAbsent(rs.getInt(1), n -> new ArrayList<>())
              .add(new Participation(rs.getString(2), rs.getInt(3)));
        },
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
                        .toList(),
                    rs.getInt("session_number")),
            projectId);
    List<ActionAgenda.Session> sessions =
        jdbc.query(
            "select session_number, session_at, venue, shared_insight, outcome_recorded_at"
                + " from stakeholder_session where project_id = ? and outcome_recorded_at is not null"
                + " order by session_number",
            (rs, row) ->
                new ActionAgenda.Session(
                    rs.getInt(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant(),
                    present.getOrDefault(rs.getInt(1), List.of())),
            projectId);
    if (sessions.isEmpty()) {
      return Optional.empty();
    }
    ActionAgenda.Session first = sessions.getFirst();
    List<Participation> participants = first.participants();
    if (sessions.size() > 1) {
      Map<String, Integer> counted = new java.util.LinkedHashMap<>();
      sessions.forEach(
          s ->
              s.participants()
                  .forEach(
                      p -> counted.merge(p.organisation(), p.participantCount(), Integer::sum)));
      participants =
          counted.entrySet().stream()
              .map(e -> new Participation(e.getKey(), e.getValue()))
              .toList();
    }
    return Optional.of(
        new ActionAgenda(
            first.sessionAt(),
            first.venue(),
            first.sharedInsight(),
            sessions.stream()
                .map(ActionAgenda.Session::recordedAt)
                .max(java.util.Comparator.naturalOrder())
                .orElseThrow(),
            participants,
            items,
            sessions));
  }

  /**
   * Who answers for each action still on the agenda (not dropped in the revision): its owner, and
   * the contact of that organisation as invited to one of the project's sessions (the latest
   * session's, by name, in any case). Without an invitation of the owner, the contact is null.
   */
  @Transactional(readOnly = true)
  public List<OwnerContact> ownerContacts(UUID projectId) {
    Map<String, OwnerContact.Contact> invited = new java.util.HashMap<>();
    jdbc.query(
        "select organisation, contact_name, contact_email, language, id from session_invitation"
            + " where project_id = ? order by session_number, position",
        rs -> {
          invited.put(
              rs.getString(1).strip().toLowerCase(java.util.Locale.ROOT),
              new OwnerContact.Contact(
                  rs.getObject(5, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)));
        },
        projectId);
    return jdbc.query(
        "select position, action, owner, theme from action_item where project_id = ?"
            + " and (status is null or status <> 'DROPPED') order by position",
        (rs, row) ->
            new OwnerContact(
                rs.getInt(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                invited.get(rs.getString(3).strip().toLowerCase(java.util.Locale.ROOT))),
        projectId);
  }

  /**
   * An action of the agenda and who answers for it.
   *
   * @param contact null when the owner was not invited to a session
   */
  public record OwnerContact(
      int position, String action, String owner, String theme, Contact contact) {

    /** The organisation's contact as invited: personal data, for messages only. */
    public record Contact(UUID id, String name, String email, String language) {}
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

  private String write(Object value) {
    return JsonText.write(json, value);
  }

  private List<String> read(String value) {
    return JsonText.read(json, value, STRINGS);
  }

  /** Options for the outcome form: {@code [{label, value}]} each. */
  public record OutcomeOptions(
      List<Map<String, String>> projectThemes,
      List<Map<String, String>> insightOptions,
      List<Map<String, String>> expertOptions) {}
}
