package nl.expertpool.followup;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.notification.Messenger;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.security.LinkSecret;
import nl.expertpool.session.SessionRecording;
import nl.expertpool.session.SessionRecording.OwnerContact;
import nl.expertpool.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agenda's year after the handover. Every few weeks each action's owner (an organisation whose
 * contact was invited to a session) gets a status request with a personal link: no account, a
 * secret of 256 bits of which only the SHA-256 is kept, one purpose, until the next request. An
 * owner who stays silent is reminded with a fresh link. After the last round comes the follow-up
 * session.
 */
@Service
public class AgendaFollowUp {

  /** Where a status request's link points, followed by its secret. */
  public static final String PATH = "/agenda-status/";

  /** A silent owner is reminded this long after the request, or halfway to the next one. */
  static final Duration REMINDER_AFTER = Duration.ofDays(14);

  /** What an owner may report of an action. */
  public enum Status {
    NOT_STARTED,
    UNDER_WAY,
    DONE,
    DROPPED
  }

  private final ProjectLifecycle projects;
  private final SessionRecording sessions;
  private final Messenger messenger;
  private final AuditTrail audit;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final String publicUrl;

  AgendaFollowUp(
      ProjectLifecycle projects,
      SessionRecording sessions,
      Messenger messenger,
      AuditTrail audit,
      JdbcTemplate jdbc,
      Clock clock,
      @Value("${expertpool.public-url}") String publicUrl) {
    this.projects = projects;
    this.sessions = sessions;
    this.messenger = messenger;
    this.audit = audit;
    this.jdbc = jdbc;
    this.clock = clock;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** The year's plan, kept in PostgreSQL: when it started and ends, and how many rounds it has. */
  record Plan(Instant startedAt, Instant endsAt, int intervalWeeks, int rounds) {

    /** The weeks between two requests, or half the year when that is shorter. */
    Duration interval() {
      Duration weeks = Duration.ofDays(7L * intervalWeeks);
      Duration half = Duration.between(startedAt, endsAt).dividedBy(2);
      return weeks.compareTo(half) < 0 ? weeks : half;
    }

    Duration reminderAfter() {
      Duration half = interval().dividedBy(2);
      return REMINDER_AFTER.compareTo(half) < 0 ? REMINDER_AFTER : half;
    }

    Instant requestAt(int round) {
      return startedAt.plus(interval().multipliedBy(round));
    }

    static Plan of(Instant startedAt, int months, int intervalWeeks) {
      Instant endsAt = startedAt.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
      var plan = new Plan(startedAt, endsAt, intervalWeeks, 1);
      int rounds = 0;
      while (plan.requestAt(rounds + 1).plus(plan.reminderAfter()).isBefore(endsAt)) {
        rounds++;
      }
      return new Plan(startedAt, endsAt, intervalWeeks, Math.max(1, rounds));
    }
  }

  /** The year starts: its plan is stored and the project is in its last phase. */
  @Transactional
  public Schedule start(UUID projectId) {
    Project project = projects.get(projectId);
    if (project.getFollowUpMonths() == null) {
      throw new IllegalStateException("Project " + projectId + " has no agenda's year");
    }
    Plan plan =
        Plan.of(clock.instant(), project.getFollowUpMonths(), project.getFollowUpIntervalWeeks());
    jdbc.update(
        "insert into agenda_follow_up (project_id, started_at, ends_at, interval_weeks, rounds)"
            + " values (?, ?, ?, ?, ?) on conflict (project_id) do nothing",
        projectId,
        Timestamp.from(plan.startedAt()),
        Timestamp.from(plan.endsAt()),
        plan.intervalWeeks(),
        plan.rounds());
    plan = plan(projectId);
    projects.enterPhase(projectId, "FOLLOW_UP");
    audit.record(
        AuditTrail.ENGINE,
        "followup.started",
        AuditTrail.project(projectId),
        plan.rounds() + " status rounds until " + plan.endsAt());
    return new Schedule(plan.requestAt(1), plan.rounds());
  }

  /**
   * A round of status requests: each action still open (its owner reported neither done nor
   * dropped) whose owner has a contact gets one, with a link of its own.
   */
  @Transactional
  public Round requestStatus(UUID projectId, int round) {
    Plan plan = plan(projectId);
    if (round < 1 || round > plan.rounds()) {
      throw new IllegalArgumentException("Round " + round + " is not of " + plan.rounds());
    }
    Project project = projects.get(projectId);
    Instant now = clock.instant();
    Map<Integer, Status> latest = latest(projectId);
    int sent = 0;
    int unreachable = 0;
    for (OwnerContact action : sessions.ownerContacts(projectId)) {
      Status status = latest.get(action.position());
      if (status == Status.DONE || status == Status.DROPPED) {
        continue;
      }
      if (action.contact() == null || action.contact().email().isBlank()) {
        unreachable++;
        continue;
      }
      String token = LinkSecret.newToken();
      int stored =
          jdbc.update(
              "insert into action_status_request (id, project_id, position, round, token_hash,"
                  + " sent_at, expires_at) values (?, ?, ?, ?, ?, ?, ?)"
                  + " on conflict (project_id, position, round) do nothing",
              UUID.randomUUID(),
              projectId,
              action.position(),
              round,
              LinkSecret.hash(token),
              Timestamp.from(now),
              Timestamp.from(now.plus(plan.interval())));
      if (stored == 1) {
        send(project, action, token, "agenda-status-request");
        sent++;
      }
    }
    audit.record(
        AuditTrail.ENGINE,
        "followup.status-requested",
        AuditTrail.project(projectId),
        "round " + round + ": " + sent + " requests, " + unreachable + " owners without a contact");
    return new Round(
        round,
        now.plus(plan.reminderAfter()),
        plan.requestAt(round + 1),
        round >= plan.rounds(),
        sent);
  }

  /** Reminds each owner who did not answer this round's request, with a fresh link. */
  @Transactional
  public int remind(UUID projectId, int round) {
    Project project = projects.get(projectId);
    Map<Integer, OwnerContact> actions = new LinkedHashMap<>();
    sessions.ownerContacts(projectId).forEach(a -> actions.put(a.position(), a));
    var silent =
        jdbc.queryForList(
            "select id, position from action_status_request where project_id = ? and round = ?"
                + " and answered_at is null and reminded_at is null",
            projectId,
            round);
    int reminded = 0;
    for (Map<String, Object> request : silent) {
      OwnerContact action = actions.get((Integer) request.get("position"));
      if (action == null || action.contact() == null) {
        continue;
      }
      String token = LinkSecret.newToken();
      jdbc.update(
          "update action_status_request set token_hash = ?, reminded_at = ? where id = ?",
          LinkSecret.hash(token),
          Timestamp.from(clock.instant()),
          request.get("id"));
      send(project, action, token, "agenda-status-reminder");
      reminded++;
    }
    audit.record(
        AuditTrail.ENGINE,
        "followup.reminded",
        AuditTrail.project(projectId),
        "round " + round + ": " + reminded + " owners reminded");
    return reminded;
  }

  private void send(Project project, OwnerContact action, String token, String template) {
    String language = action.contact().language() == null ? "nl" : action.contact().language();
    messenger.sendLink(
        new Messenger.Recipient(action.contact().id(), action.contact().email(), null, language),
        template,
        publicUrl + PATH + token + "?lang=" + language,
        project.getName(),
        action.action(),
        action.contact().name());
  }

  /** What a status request's link shows: the action while the request is open, else why not. */
  @Transactional(readOnly = true)
  public Request request(String token) {
    return find(token).orElse(Request.UNKNOWN);
  }

  /**
   * The owner reports an action's status through their link, once.
   *
   * @throws ApiException 400 naming {@code status} or {@code note} when they are not valid
   */
  @Transactional
  public Request report(String token, String status, String note) {
    Request request = find(token).orElse(Request.UNKNOWN);
    if (request.state() != State.OPEN) {
      return request;
    }
    Status reported;
    try {
      reported = Status.valueOf(status == null ? "" : status.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          "status", "must be one of " + Arrays.toString(Status.values()).toLowerCase(Locale.ROOT));
    }
    String text = note == null || note.isBlank() ? null : note.strip();
    if (text != null && text.length() > 2000) {
      throw ApiException.invalid("note", "must be at most 2000 characters");
    }
    Instant now = clock.instant();
    int spent =
        jdbc.update(
            "update action_status_request set answered_at = ? where id = ? and answered_at is null",
            Timestamp.from(now),
            request.requestId());
    if (spent == 0) {
      return find(token).orElse(Request.UNKNOWN);
    }
    jdbc.update(
        "insert into action_status (id, project_id, position, status, note, reported_at,"
            + " request_id) values (?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID(),
        request.projectId(),
        request.position(),
        reported.name(),
        text,
        Timestamp.from(now),
        request.requestId());
    audit.record(
        "action-owner",
        "followup.status-reported",
        AuditTrail.project(request.projectId()),
        "action " + request.position() + ": " + reported);
    return find(token).orElse(Request.UNKNOWN);
  }

  /** Stores the follow-up session near the end of the year. */
  @Transactional
  public void storeSession(UUID projectId, FollowUpSession session) {
    plan(projectId);
    jdbc.update(
        "update agenda_follow_up set session_held_at = ?, session_summary = ?,"
            + " session_recorded_at = ? where project_id = ?",
        Timestamp.from(session.heldAt()),
        session.summary(),
        Timestamp.from(clock.instant()),
        projectId);
    audit.record(AuditTrail.ENGINE, "followup.session-held", AuditTrail.project(projectId), null);
  }

  /**
   * The year as the portal and the experts see it: its dates, and per action what its owner
   * reported, newest first. Empty for a project without one (or before it started).
   */
  @Transactional(readOnly = true)
  public Optional<Year> year(UUID projectId) {
    var years =
        jdbc.query(
            "select started_at, ends_at, rounds, session_held_at, session_summary"
                + " from agenda_follow_up where project_id = ?",
            (rs, row) ->
                new Object[] {
                  rs.getTimestamp(1).toInstant(),
                  rs.getTimestamp(2).toInstant(),
                  rs.getInt(3),
                  rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                  rs.getString(5)
                },
            projectId);
    if (years.isEmpty()) {
      return Optional.empty();
    }
    Map<Integer, List<Report>> reports = new LinkedHashMap<>();
    jdbc.query(
        "select position, status, note, reported_at from action_status where project_id = ?"
            + " order by reported_at desc, id",
        rs -> {
          reports
              .computeIfAbsent(rs.getInt(1), p -> new ArrayList<>())
              .add(
                  new Report(
                      Status.valueOf(rs.getString(2)),
                      rs.getString(3),
                      rs.getTimestamp(4).toInstant()));
        },
        projectId);
    Object[] y = years.getFirst();
    return Optional.of(
        new Year(
            (Instant) y[0],
            (Instant) y[1],
            (Integer) y[2],
            (Instant) y[3],
            (String) y[4],
            reports));
  }

  private Map<Integer, Status> latest(UUID projectId) {
    Map<Integer, Status> latest = new LinkedHashMap<>();
    jdbc.query(
        "select position, status from action_status where project_id = ? order by reported_at",
        rs -> {
          latest.put(rs.getInt(1), Status.valueOf(rs.getString(2)));
        },
        projectId);
    return latest;
  }

  private Plan plan(UUID projectId) {
    return jdbc
        .query(
            "select started_at, ends_at, interval_weeks, rounds from agenda_follow_up"
                + " where project_id = ?",
            (rs, row) ->
                new Plan(
                    rs.getTimestamp(1).toInstant(),
                    rs.getTimestamp(2).toInstant(),
                    rs.getInt(3),
                    rs.getInt(4)),
            projectId)
        .stream()
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("Project " + projectId + " has no agenda's year"));
  }

  private Optional<Request> find(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return jdbc
        .query(
            "select r.id, r.project_id, r.position, r.expires_at, r.answered_at"
                + " from action_status_request r where r.token_hash = ?",
            (rs, row) ->
                new Object[] {
                  rs.getObject(1, UUID.class),
                  rs.getObject(2, UUID.class),
                  rs.getInt(3),
                  rs.getTimestamp(4).toInstant(),
                  rs.getTimestamp(5)
                },
            LinkSecret.hash(token))
        .stream()
        .findFirst()
        .map(
            r -> {
              UUID projectId = (UUID) r[1];
              int position = (Integer) r[2];
              State state =
                  r[4] != null
                      ? State.ANSWERED
                      : now.isBefore((Instant) r[3]) ? State.OPEN : State.EXPIRED;
              var action =
                  sessions.ownerContacts(projectId).stream()
                      .filter(a -> a.position() == position)
                      .findFirst();
              return new Request(
                  state,
                  (UUID) r[0],
                  projectId,
                  position,
                  projects.find(projectId).map(Project::getName).orElse(""),
                  action.map(OwnerContact::action).orElse(""),
                  action.map(OwnerContact::owner).orElse(""),
                  latest(projectId).get(position));
            });
  }

  /** Where a status request stands. */
  public enum State {
    OPEN,
    ANSWERED,
    EXPIRED,
    /** No request has this link (any more: a reminder replaced it). */
    UNKNOWN
  }

  /**
   * A status request as its link shows it.
   *
   * @param latest what the owner reported of the action last; null before anything
   */
  public record Request(
      State state,
      UUID requestId,
      UUID projectId,
      int position,
      String projectName,
      String action,
      String owner,
      Status latest) {

    static final Request UNKNOWN = new Request(State.UNKNOWN, null, null, 0, "", "", "", null);

    public boolean isOpen() {
      return state == State.OPEN;
    }
  }

  /** When the first request goes out and how many rounds there are. */
  public record Schedule(Instant firstRequestAt, int rounds) {}

  /** A round sent: when to remind, when the next round is, and whether this was the last. */
  public record Round(
      int round, Instant reminderAt, Instant nextRequestAt, boolean lastRound, int sent) {}

  /** What an owner reported. */
  public record Report(Status status, String note, Instant reportedAt) {}

  /**
   * The agenda's year.
   *
   * @param reports per action position, newest first
   */
  public record Year(
      Instant startedAt,
      Instant endsAt,
      int rounds,
      Instant sessionHeldAt,
      String sessionSummary,
      Map<Integer, List<Report>> reports) {

    /** The newest report of an action, or null. */
    public Report latest(int position) {
      var list = reports.get(position);
      return list == null || list.isEmpty() ? null : list.getFirst();
    }

    public List<Report> history(int position) {
      return reports.getOrDefault(position, List.of());
    }
  }
}
