package nl.expertpool.pools;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.notification.Messenger;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.project.ProjectStatus;
import nl.expertpool.recruitment.ConsentTexts;
import nl.expertpool.recruitment.ExpertAccepted;
import nl.expertpool.recruitment.ExpertCertified;
import nl.expertpool.recruitment.Intake;
import nl.expertpool.security.LinkSecret;
import nl.expertpool.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invitations of a standing pool's members to a new project of the pool: the project manager picks
 * members from the roster during the project's recruitment, beside the open call. Each member
 * answers on their own page or through a link of their own, which works once and expires. Accepting
 * agrees to the project's consent text and makes an application that counts at once; a
 * certification still valid comes along, so that the member skips the training.
 */
@Service
public class Invitations {

  /** Where an invitation's link points, followed by its secret. */
  public static final String PATH = "/pool-invitations/";

  private final StandingPools pools;
  private final Members members;
  private final PoolInvitations invitations;
  private final ProjectLifecycle projects;
  private final Intake intake;
  private final ConsentTexts projectConsent;
  private final Messenger messenger;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Duration valid;
  private final String publicUrl;

  Invitations(
      StandingPools pools,
      Members members,
      PoolInvitations invitations,
      ProjectLifecycle projects,
      Intake intake,
      ConsentTexts projectConsent,
      Messenger messenger,
      AuditTrail audit,
      TransactionTemplate transactions,
      Clock clock,
      @Value("${expertpool.pools.invitation-valid:P14D}") Duration valid,
      @Value("${expertpool.public-url}") String publicUrl) {
    this.pools = pools;
    this.members = members;
    this.invitations = invitations;
    this.projects = projects;
    this.intake = intake;
    this.projectConsent = projectConsent;
    this.messenger = messenger;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
    this.valid = valid;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /**
   * Invites members of the project's standing pool to it, each by a message with their own link. A
   * member invited before keeps their invitation (an expired one unanswered gets a fresh link); one
   * who takes part already is left alone.
   *
   * @return the project's invitations after this
   */
  public List<Sent> invite(UUID projectId, List<UUID> memberIds, String actor) {
    transactions.executeWithoutResult(
        status -> {
          Project project = recruiting(projectId);
          UUID poolId = project.getStandingPoolId();
          if (memberIds == null || memberIds.isEmpty()) {
            throw ApiException.invalid("memberIds", "must name at least one member of the pool");
          }
          var chosen = new ArrayList<Member>();
          for (int i = 0; i < memberIds.size(); i++) {
            UUID memberId = memberIds.get(i);
            chosen.add(
                members
                    .findById(memberId == null ? new UUID(0, 0) : memberId)
                    .filter(m -> m.getPoolId().equals(poolId) && m.isActive())
                    .orElseThrow(
                        () ->
                            ApiException.invalid(
                                "memberIds[" + chosen.size() + "]",
                                "is not a member of the project's standing pool")));
          }
          Instant now = clock.instant();
          for (Member member : chosen) {
            if (member.tookPartIn(projectId)) {
              continue;
            }
            var earlier = invitations.findByMemberIdAndProjectId(member.getId(), projectId);
            if (earlier.isPresent()
                && (earlier.get().getAnswer() != null || earlier.get().isOpen(now))) {
              continue;
            }
            String token = LinkSecret.newToken();
            PoolInvitation invitation =
                earlier.orElseGet(
                    () ->
                        new PoolInvitation(
                            poolId,
                            member.getId(),
                            projectId,
                            LinkSecret.hash(token),
                            now,
                            now.plus(valid),
                            actor));
            invitation.renew(LinkSecret.hash(token), now, now.plus(valid), actor);
            invitations.save(invitation);
            messenger.sendLink(
                recipient(member),
                "pool-invitation",
                publicUrl + PATH + token + "?lang=" + language(member),
                project.getName(),
                pools.findById(poolId).map(StandingPool::getName).orElse(""),
                invitation.getExpiresAt().atZone(ZoneOffset.UTC).toLocalDate().toString());
            audit.record(
                actor,
                "pool.member.invited",
                AuditTrail.pool(poolId),
                "member " + member.getId() + " to project " + projectId);
          }
        });
    return ofProject(projectId);
  }

  /** The pool's projects that recruit now: those its members can be invited to. */
  public List<Project> recruitingProjects(UUID poolId) {
    return projects.all().stream()
        .filter(p -> poolId.equals(p.getStandingPoolId()))
        .filter(p -> p.getStatus() == ProjectStatus.ACTIVE)
        .filter(p -> "RECRUITMENT".equals(p.getCurrentPhase()))
        .toList();
  }

  /** The project's invitations, for its managers and staff: who, and how they answered. */
  public List<Sent> ofProject(UUID projectId) {
    return transactions.execute(
        status -> {
          projects
              .find(projectId)
              .orElseThrow(() -> ApiException.notFound("No project " + projectId));
          Instant now = clock.instant();
          var list = invitations.findByProjectIdOrderByInvitedAt(projectId);
          Map<UUID, Member> byId = new HashMap<>();
          members
              .findAllById(list.stream().map(PoolInvitation::getMemberId).toList())
              .forEach(m -> byId.put(m.getId(), m));
          return list.stream()
              .map(
                  i ->
                      new Sent(
                          i.getId(),
                          i.getMemberId(),
                          Optional.ofNullable(byId.get(i.getMemberId()))
                              .map(Member::getName)
                              .orElse(null),
                          state(i, now),
                          i.getInvitedAt(),
                          i.getExpiresAt(),
                          i.getAnsweredAt()))
              .toList();
        });
  }

  /** What a link shows: the invitation while it is open, else why it does not work. */
  public Offer offer(String token) {
    return transactions.execute(status -> find(token).map(this::offerOf).orElse(Offer.UNKNOWN));
  }

  /** The open invitations of whoever took part in a project of a pool as one of these experts. */
  public List<Offer> openFor(Collection<UUID> expertIds) {
    if (expertIds.isEmpty()) {
      return List.of();
    }
    return transactions.execute(
        status -> {
          Instant now = clock.instant();
          var mine =
              members.findByParticipant(expertIds).stream()
                  .filter(Member::isActive)
                  .map(Member::getId)
                  .toList();
          if (mine.isEmpty()) {
            return List.<Offer>of();
          }
          return invitations.findByMemberIdInAndAnswerIsNull(mine).stream()
              .filter(i -> i.isOpen(now))
              .map(this::offerOf)
              .toList();
        });
  }

  /**
   * The member answers through their link: accepting agrees to the project's consent text they were
   * shown (its version and language).
   */
  public Offer answer(String token, boolean accept, String textVersion, String language) {
    UUID invitationId =
        transactions.execute(status -> find(token).map(PoolInvitation::getId).orElse(null));
    if (invitationId == null) {
      return Offer.UNKNOWN;
    }
    return answer(invitationId, accept, textVersion, language, "invitee");
  }

  /** The member answers on their own page, signed in as one of these experts. */
  public Offer answerAsExpert(
      Collection<UUID> expertIds,
      UUID invitationId,
      boolean accept,
      String textVersion,
      String language,
      String actor) {
    boolean theirs =
        openFor(expertIds).stream().anyMatch(o -> invitationId.equals(o.invitationId()));
    if (!theirs) {
      throw ApiException.notFound("No open invitation " + invitationId + " of yours");
    }
    return answer(invitationId, accept, textVersion, language, actor);
  }

  private Offer answer(
      UUID invitationId, boolean accept, String textVersion, String language, String actor) {
    Instant now = clock.instant();
    var invitation = invitations.findById(invitationId).orElseThrow();
    if (!invitation.isOpen(now)) {
      return offerOf(invitation);
    }
    Member member = members.findById(invitation.getMemberId()).orElseThrow();
    UUID applicationId = null;
    if (accept) {
      var text =
          projectConsent
              .text(textVersion, language)
              .orElseThrow(
                  () ->
                      ApiException.invalid(
                          "textVersion",
                          "no consent text "
                              + textVersion
                              + " in "
                              + language
                              + "; the current one is "
                              + projectConsent.current()));
      StandingPool pool = pools.findById(invitation.getPoolId()).orElseThrow();
      Instant validFrom =
          now.atZone(ZoneOffset.UTC).minusMonths(pool.getCertificationMonths()).toInstant();
      Instant certifiedAt = member.lastCertified().filter(at -> at.isAfter(validFrom)).orElse(null);
      applicationId =
          intake.invited(
              invitation.getProjectId(),
              new Intake.Invitee(
                  member.getName(),
                  member.getEmail(),
                  member.getPhone(),
                  member.getLanguages(),
                  member.getPreferredLanguage(),
                  text.version(),
                  text.language(),
                  certifiedAt,
                  member.latestExpertId()),
              "Invited from the standing pool " + pool.getName(),
              actor);
    }
    UUID application = applicationId;
    return transactions.execute(
        status -> {
          var answered = invitations.findById(invitationId).orElseThrow();
          answered.answer(
              accept ? PoolInvitation.Answer.ACCEPTED : PoolInvitation.Answer.DECLINED,
              clock.instant(),
              actor,
              application);
          invitations.save(answered);
          audit.record(
              actor,
              accept ? "pool.invitation.accepted" : "pool.invitation.declined",
              AuditTrail.pool(answered.getPoolId()),
              "member " + answered.getMemberId() + ", project " + answered.getProjectId());
          return offerOf(answered);
        });
  }

  /** A member who leaves the pool cannot answer their open invitations any more. */
  void withdraw(UUID memberId, String actor) {
    Instant now = clock.instant();
    invitations
        .findByMemberIdAndAnswerIsNull(memberId)
        .forEach(i -> i.answer(PoolInvitation.Answer.WITHDRAWN, now, actor, null));
  }

  /** Screening accepted an invited member: they take part in the project, as this expert. */
  @EventListener
  void expertAccepted(ExpertAccepted event) {
    invitations
        .findByApplicationId(event.applicationId())
        .flatMap(i -> members.findById(i.getMemberId()))
        .ifPresent(
            m ->
                m.participate(
                    event.projectId(), event.expertId(), event.certifiedAt(), clock.instant()));
  }

  /** A member's training in a project of the pool ended with their certification. */
  @EventListener
  void expertCertified(ExpertCertified event) {
    members
        .findByParticipant(List.of(event.expertId()))
        .forEach(m -> m.certified(event.expertId(), event.certifiedAt()));
  }

  private Optional<PoolInvitation> find(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return invitations.findByTokenHash(LinkSecret.hash(token));
  }

  private Offer offerOf(PoolInvitation invitation) {
    Instant now = clock.instant();
    Member member = members.findById(invitation.getMemberId()).orElseThrow();
    String project = projects.find(invitation.getProjectId()).map(Project::getName).orElse("");
    String pool = pools.findById(invitation.getPoolId()).map(StandingPool::getName).orElse("");
    return new Offer(
        invitation.getId(),
        state(invitation, now),
        project,
        pool,
        member.getPreferredLanguage(),
        invitation.getExpiresAt());
  }

  private static State state(PoolInvitation invitation, Instant now) {
    if (invitation.getAnswer() != null) {
      return State.valueOf(invitation.getAnswer().name());
    }
    return now.isBefore(invitation.getExpiresAt()) ? State.OPEN : State.EXPIRED;
  }

  private Project recruiting(UUID projectId) {
    Project project =
        projects
            .find(projectId)
            .orElseThrow(() -> ApiException.notFound("No project " + projectId));
    if (project.getStandingPoolId() == null) {
      throw ApiException.conflict("Project " + projectId + " belongs to no standing pool");
    }
    if (project.getStatus() != ProjectStatus.ACTIVE
        || !"RECRUITMENT".equals(project.getCurrentPhase())) {
      throw ApiException.conflict(
          "Members are invited while the project recruits; it is "
              + project.getStatus()
              + " in phase "
              + project.getCurrentPhase());
    }
    return project;
  }

  private static String language(Member member) {
    return member.getPreferredLanguage() == null ? "en" : member.getPreferredLanguage();
  }

  private static Messenger.Recipient recipient(Member member) {
    return new Messenger.Recipient(
        member.getId(), member.getEmail(), member.getPhone(), language(member));
  }

  /** Where an invitation stands. */
  public enum State {
    OPEN,
    ACCEPTED,
    DECLINED,
    WITHDRAWN,
    EXPIRED,
    /** No invitation has this link. */
    UNKNOWN
  }

  /**
   * An invitation as its member sees it.
   *
   * @param language the member's preferred language, for the page
   */
  public record Offer(
      UUID invitationId,
      State state,
      String projectName,
      String poolName,
      String language,
      Instant expiresAt) {

    static final Offer UNKNOWN = new Offer(null, State.UNKNOWN, null, null, null, null);

    public boolean isOpen() {
      return state == State.OPEN;
    }
  }

  /** An invitation as the project's managers and staff see it. */
  public record Sent(
      UUID invitationId,
      UUID memberId,
      String name,
      State state,
      Instant invitedAt,
      Instant expiresAt,
      Instant answeredAt) {}
}
