package nl.expertpool.recruitment;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.security.AppUsers;
import nl.expertpool.security.OidcLogins;
import nl.expertpool.security.Role;
import nl.expertpool.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which sign-in account belongs to which expert. The engine offers interview and feedback tasks to
 * the {@code experts} group with the expert's id; this link, kept only in PostgreSQL, lets each
 * expert see their own.
 */
@Service
public class PoolAccounts {

  static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,120}");
  static final int MIN_PASSWORD = 10;

  private final ExpertAccounts accounts;
  private final Applications applications;
  private final Experts experts;
  private final AppUsers users;
  private final OidcLogins oidc;
  private final AuditTrail audit;
  private final Clock clock;

  PoolAccounts(
      ExpertAccounts accounts,
      Applications applications,
      Experts experts,
      AppUsers users,
      OidcLogins oidc,
      AuditTrail audit,
      Clock clock) {
    this.accounts = accounts;
    this.applications = applications;
    this.experts = experts;
    this.users = users;
    this.oidc = oidc;
    this.audit = audit;
    this.clock = clock;
  }

  /** An expert's account as linked, and whether linking created it. */
  public record Link(UUID applicationId, UUID expertId, String username, boolean accountCreated) {}

  /**
   * Links an expert to a sign-in account: an existing expert account, a new one when a password is
   * given, or, when people sign in with an identity provider (OIDC), the name the provider gives
   * them.
   *
   * @param personId the expert's application id or expert id
   */
  @Transactional
  public Link link(UUID personId, String username, String password, String actor) {
    Application application = applicationOf(personId);
    Expert expert =
        experts
            .findByApplicationId(application.getId())
            .orElseThrow(
                () ->
                    ApiException.conflict(
                        application.getPseudonym()
                            + " is an applicant, not an expert of the pool: only experts have"
                            + " tasks of their own."));
    if (application.getAnonymisedAt() != null) {
      throw ApiException.conflict(expert.getPseudonym() + " has been anonymised.");
    }
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw ApiException.invalid(
          "username", "must be 2 to 120 letters, digits or . _ @ - characters");
    }
    boolean created = false;
    var role = users.roleOf(username);
    if (role.isPresent() && role.get() != Role.EXPERT) {
      throw ApiException.invalid(
          "username", "is a " + role.get() + " account; only expert accounts can be linked");
    }
    boolean external = role.isEmpty() && !oidc.all().isEmpty() && (password == null);
    if (role.isEmpty() && !external) {
      if (password == null || password.length() < MIN_PASSWORD) {
        throw ApiException.invalid(
            "password",
            "is needed to create the account "
                + username
                + ", at least "
                + MIN_PASSWORD
                + " characters");
      }
      created = users.addIfAbsent(username, password, Role.EXPERT, null);
    } else if (password != null && !password.isEmpty()) {
      throw ApiException.invalid(
          "password", "must be left out: the account " + username + " exists already");
    }
    var now = clock.instant();
    boolean changed =
        accounts
            .findById(application.getId())
            .map(existing -> existing.relink(username, now, actor))
            .orElseGet(
                () -> {
                  accounts.save(new ExpertAccount(application.getId(), username, now, actor));
                  return true;
                });
    if (changed) {
      audit.record(
          actor,
          created ? "expert.account-created" : "expert.account-linked",
          AuditTrail.project(application.getProjectId()),
          expert.getPseudonym());
    }
    return new Link(application.getId(), expert.getId(), username, created);
  }

  /** Takes an expert's account link away; the account itself stays. False when there was none. */
  @Transactional
  public boolean unlink(UUID personId, String actor) {
    Application application = applicationOf(personId);
    var link = accounts.findById(application.getId());
    link.ifPresent(
        l -> {
          accounts.delete(l);
          audit.record(
              actor,
              "expert.account-unlinked",
              AuditTrail.project(application.getProjectId()),
              application.getPseudonym());
        });
    return link.isPresent();
  }

  /** The experts, across projects, whose account this is. */
  @Transactional(readOnly = true)
  public Set<UUID> expertIdsOf(String username) {
    var linked = accounts.findByUsername(username).stream().map(ExpertAccount::getApplicationId);
    List<UUID> applicationIds = linked.toList();
    if (applicationIds.isEmpty()) {
      return Set.of();
    }
    return experts.findByApplicationIdIn(applicationIds).stream()
        .map(Expert::getId)
        .collect(Collectors.toSet());
  }

  private Application applicationOf(UUID personId) {
    return applications
        .findById(personId)
        .or(
            () ->
                experts
                    .findById(personId)
                    .flatMap(e -> applications.findById(e.getApplicationId())))
        .orElseThrow(() -> ApiException.notFound("No applicant or expert " + personId));
  }
}
