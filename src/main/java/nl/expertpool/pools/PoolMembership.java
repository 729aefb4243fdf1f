package nl.expertpool.pools;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.recruitment.ConsentTexts;
import nl.expertpool.recruitment.Pool;
import nl.expertpool.remuneration.PaidTime;
import nl.expertpool.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is in a standing pool: an expert of one of its projects who agreed to be invited again joins
 * it, with the pool's own copy of how to reach them; one who leaves has that copy erased. The
 * roster is for the pool's managers and staff.
 */
@Service
public class PoolMembership {

  /** Who ends a lapsed membership, in the audit trail. */
  static final String RETENTION = "retention";

  private final StandingPools pools;
  private final Members members;
  private final PoolConsents consents;
  private final ProjectLifecycle projects;
  private final Pool experts;
  private final PaidTime paidTime;
  private final Invitations invitations;
  private final ConsentTexts texts = new ConsentTexts(ConsentTexts.POOL_FOLDER);
  private final AuditTrail audit;
  private final Clock clock;

  PoolMembership(
      StandingPools pools,
      Members members,
      PoolConsents consents,
      ProjectLifecycle projects,
      Pool experts,
      PaidTime paidTime,
      Invitations invitations,
      AuditTrail audit,
      Clock clock) {
    this.invitations = invitations;
    this.paidTime = paidTime;
    this.pools = pools;
    this.members = members;
    this.consents = consents;
    this.projects = projects;
    this.experts = experts;
    this.audit = audit;
    this.clock = clock;
  }

  /** The text an expert is shown before agreeing, in their language or else English. */
  public ConsentTexts.ConsentText consentText(String language) {
    return texts.shown(language);
  }

  /**
   * Records an expert's consent to be invited again by the standing pool of their project: they
   * join it (again), and the pool copies how to reach them. The same consent twice changes nothing.
   *
   * @return the member's id
   */
  @Transactional
  public UUID join(UUID projectId, UUID expertId, GivenConsent consent, String actor) {
    var project =
        projects
            .find(projectId)
            .orElseThrow(() -> ApiException.notFound("No project " + projectId));
    UUID poolId = project.getStandingPoolId();
    if (poolId == null) {
      throw ApiException.conflict("Project " + projectId + " belongs to no standing pool");
    }
    var text =
        texts
            .text(consent.textVersion(), consent.language())
            .orElseThrow(
                () ->
                    ApiException.invalid(
                        "textVersion",
                        "no consent text "
                            + consent.textVersion()
                            + " in "
                            + consent.language()
                            + "; the current one is "
                            + texts.current()));
    var expert =
        experts
            .profile(projectId, expertId)
            .orElseThrow(
                () -> ApiException.notFound("No expert " + expertId + " in project " + projectId));
    Instant now = clock.instant();
    var member = memberAs(poolId, expertId).orElse(null);
    if (member != null && member.isActive()) {
      return member.getId();
    }
    if (member == null) {
      member = members.save(new Member(poolId, projectId, expert, now));
    } else {
      member.rejoin(projectId, expert, now);
    }
    consents.save(
        new PoolConsent(
            member.getId(),
            text.version(),
            text.language(),
            text.sha256(),
            consent.method().strip(),
            now,
            actor));
    audit.record(actor, "pool.member.joined", AuditTrail.pool(poolId), "member " + member.getId());
    return member.getId();
  }

  /**
   * A member leaves the pool: their consent ends and what only the pool held of them is erased; the
   * ids and dates that prove the consent stay.
   */
  @Transactional
  public void leave(UUID poolId, UUID memberId, String actor) {
    var member =
        members
            .findById(memberId)
            .filter(m -> m.getPoolId().equals(poolId))
            .orElseThrow(
                () -> ApiException.notFound("No member " + memberId + " in pool " + poolId));
    if (!member.isActive()) {
      return;
    }
    Instant now = clock.instant();
    member.leave(now);
    consents.findByMemberIdAndRevokedAtIsNull(memberId).forEach(c -> c.revoke(now, actor));
    invitations.withdraw(memberId, actor);
    audit.record(actor, "pool.member.left", AuditTrail.pool(poolId), "member " + memberId);
  }

  /**
   * Ends the membership of everyone who took part in no project of their pool for the pool's
   * membership months: what only the pool held of them is erased, as when they leave.
   *
   * @return how many memberships ended
   */
  @Transactional
  public int endLapsed() {
    Instant now = clock.instant();
    int ended = 0;
    for (StandingPool pool : pools.findAll()) {
      Instant before =
          now.atZone(ZoneOffset.UTC).minusMonths(pool.getMembershipMonths()).toInstant();
      for (Member member :
          members.findByPoolIdAndLeftAtIsNullAndLastProjectAtBefore(pool.getId(), before)) {
        member.leave(now);
        consents
            .findByMemberIdAndRevokedAtIsNull(member.getId())
            .forEach(c -> c.revoke(now, RETENTION));
        invitations.withdraw(member.getId(), RETENTION);
        audit.record(
            RETENTION,
            "pool.member.lapsed",
            AuditTrail.pool(pool.getId()),
            "member "
                + member.getId()
                + ", no project for "
                + pool.getMembershipMonths()
                + " months");
        ended++;
      }
    }
    return ended;
  }

  /**
   * The pool's members who have not left, by name: their languages, the projects they took part in,
   * until when their latest certification is valid (null when never certified), and their paid
   * hours over those projects.
   */
  @Transactional(readOnly = true)
  public List<RosterEntry> roster(UUID poolId) {
    var pool =
        pools
            .findById(poolId)
            .orElseThrow(() -> ApiException.notFound("No standing pool " + poolId));
    var hoursByProject = new java.util.HashMap<UUID, java.util.Map<UUID, BigDecimal>>();
    java.util.function.Function<Member, BigDecimal> hours =
        member ->
            member.getProjects().stream()
                .map(
                    p ->
                        hoursByProject
                            .computeIfAbsent(p.projectId(), this::hoursPerExpert)
                            .getOrDefault(p.expertId(), BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    return members.findByPoolIdAndLeftAtIsNullOrderByNameAsc(poolId).stream()
        .map(
            m ->
                new RosterEntry(
                    m.getId(),
                    m.getName(),
                    m.getLanguages(),
                    m.getProjects().stream().map(Member.Participation::projectId).toList(),
                    m.getProjects().stream()
                        .map(Member.Participation::certifiedAt)
                        .filter(Objects::nonNull)
                        .max(Comparator.naturalOrder())
                        .map(
                            at ->
                                at.atZone(ZoneOffset.UTC)
                                    .plusMonths(pool.getCertificationMonths())
                                    .toLocalDate())
                        .orElse(null),
                    hours.apply(m),
                    m.getJoinedAt()))
        .toList();
  }

  private java.util.Map<UUID, BigDecimal> hoursPerExpert(UUID projectId) {
    var hours = new java.util.HashMap<UUID, BigDecimal>();
    paidTime
        .overview(projectId)
        .experts()
        .forEach(line -> hours.put(line.expertId(), line.hours()));
    return hours;
  }

  /**
   * Where an expert of a project stands with the project's standing pool, for their own page; empty
   * when the project belongs to none.
   */
  @Transactional(readOnly = true)
  public java.util.Optional<Standing> standing(UUID projectId, UUID expertId) {
    return projects
        .find(projectId)
        .map(project -> project.getStandingPoolId())
        .flatMap(pools::findById)
        .map(
            pool ->
                new Standing(
                    pool.getId(),
                    pool.getName(),
                    memberAs(pool.getId(), expertId)
                        .filter(Member::isActive)
                        .map(Member::getId)
                        .orElse(null)));
  }

  /** The pool's member who took part in one of its projects as this expert, if any. */
  private java.util.Optional<Member> memberAs(UUID poolId, UUID expertId) {
    return members
        .findByPoolIdAndSourceExpertId(poolId, expertId)
        .or(
            () ->
                members.findByParticipant(List.of(expertId)).stream()
                    .filter(m -> m.getPoolId().equals(poolId))
                    .findFirst());
  }

  /**
   * @param memberId null while the expert is not (or no longer) a member
   */
  public record Standing(UUID poolId, String poolName, UUID memberId) {

    public boolean isMember() {
      return memberId != null;
    }
  }

  /** One member on the roster. */
  public record RosterEntry(
      UUID memberId,
      String name,
      List<String> languages,
      List<UUID> projects,
      java.time.LocalDate certifiedUntil,
      BigDecimal hours,
      Instant joinedAt) {}
}
