package nl.expertpool.recruitment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.notification.Messenger;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.security.OidcProviderCatalog;
import nl.expertpool.security.PasswordSetup;
import nl.expertpool.security.Role;
import nl.expertpool.security.UserDirectory;
import nl.expertpool.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which sign-in account belongs to which expert. The engine offers interview and feedback tasks to
 * the {@code experts} group with the expert's id; this link, kept only in PostgreSQL, lets each
 * expert see their own.
 */
@Service
public class ExpertAccess {

  static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,120}");

  private final ExpertAccounts accounts;
  private final Applications applications;
  private final Experts experts;
  private final UserDirectory users;
  private final OidcProviderCatalog oidc;
  private final PasswordSetup passwordLinks;
  private final Messenger notifications;
  private final ProjectLifecycle projects;
  private final AuditTrail audit;
  private final Clock clock;

  ExpertAccess(
      ExpertAccounts accounts,
      Applications applications,
      Experts experts,
      UserDirectory users,
      OidcProviderCatalog oidc,
      PasswordSetup passwordLinks,
      Messenger notifications,
      ProjectLifecycle projects,
      AuditTrail audit,
      Clock clock) {
    this.accounts = accounts;
    this.applications = applications;
    this.experts = experts;
    this.users = users;
    this.oidc = oidc;
    this.passwordLinks = passwordLinks;
    this.notifications = notifications;
    this.projects = projects;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * An expert's account as linked, and whether linking created it. A created account comes with a
   * one-time link with which the expert sets their own password ({@code setPasswordLink}, valid
   * until {@code setPasswordLinkExpires}); it was sent to the expert too when they have an e-mail
   * address.
   */
  public record Link(
      UUID applicationId,
      UUID expertId,
      String username,
      boolean accountCreated,
      String setPasswordLink,
      Instant setPasswordLinkExpires) {}

  /**
   * Links an expert to a sign-in account: an existing expert account, a new one whose password the
   * expert chooses through a one-time link, or, when people sign in with an identity provider
   * (OIDC), the name the provider gives them. The account the expert was linked to before is
   * disabled when it belongs to nobody else now.
   *
   * @param personId the expert's application id or expert id
   */
  @Transactional
  public Link link(UUID personId, String username, String actor) {
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
    var role = users.roleOf(username);
    if (role.isPresent() && role.get() != Role.EXPERT) {
      throw ApiException.invalid(
          "username", "is a " + role.get() + " account; only expert accounts can be linked");
    }
    if (role.isPresent() && users.isDisabled(username)) {
      throw ApiException.invalid("username", "is a disabled account");
    }
    boolean external = role.isEmpty() && !oidc.all().isEmpty();
    boolean created =
        role.isEmpty() && !external && users.addWithoutPassword(username, Role.EXPERT);
    var now = clock.instant();
    String before =
        accounts.findById(application.getId()).map(ExpertAccount::getUsername).orElse(null);
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
    if (before != null && !before.equals(username)) {
      accounts.flush();
      disableIfOrphaned(before, application.getProjectId(), actor);
    }
    PasswordSetup.Issued issued = null;
    if (created) {
      issued = passwordLinks.issue(username, actor);
      notifications.sendLink(
          recipientOf(application),
          "account-set-password",
          issued.url(),
          projects.get(application.getProjectId()).getName(),
          username);
    }
    return new Link(
        application.getId(),
        expert.getId(),
        username,
        created,
        issued == null ? null : issued.url(),
        issued == null ? null : issued.expiresAt());
  }

  /** Takes an expert's account link away; the account, linked to nobody else, is disabled. */
  @Transactional
  public boolean unlink(UUID personId, String actor) {
    Application application = applicationOf(personId);
    var link = accounts.findById(application.getId());
    link.ifPresent(
        l -> {
          accounts.delete(l);
          accounts.flush();
          audit.record(
              actor,
              "expert.account-unlinked",
              AuditTrail.project(application.getProjectId()),
              application.getPseudonym());
          disableIfOrphaned(l.getUsername(), application.getProjectId(), actor);
        });
    return link.isPresent();
  }

  /**
   * Forgets the account links of these applications (erasure, retention): each account that
   * belonged to them alone is disabled, so that nobody signs in as a person who is gone.
   */
  @Transactional
  public void forget(List<UUID> applicationIds, UUID projectId, String actor) {
    var links = accounts.findByApplicationIdIn(applicationIds);
    if (links.isEmpty()) {
      return;
    }
    accounts.deleteAll(links);
    accounts.flush();
    links.stream()
        .map(ExpertAccount::getUsername)
        .distinct()
        .forEach(username -> disableIfOrphaned(username, projectId, actor));
  }

  private void disableIfOrphaned(String username, UUID projectId, String actor) {
    if (accounts.findByUsername(username).isEmpty() && users.disable(username)) {
      audit.record(
          actor, "expert.account-disabled", AuditTrail.project(projectId), "no expert left");
    }
  }

  /** One project an account's owner takes part in as an expert. */
  public record Membership(
      UUID projectId,
      UUID expertId,
      String pseudonym,
      Instant certifiedAt,
      String preferredLanguage,
      String name) {}

  /** The projects, newest first, in which this account's owner is an expert. */
  @Transactional(readOnly = true)
  public List<Membership> membershipsOf(String username) {
    List<UUID> applicationIds =
        accounts.findByUsername(username).stream().map(ExpertAccount::getApplicationId).toList();
    if (applicationIds.isEmpty()) {
      return List.of();
    }
    return experts.findByApplicationIdIn(applicationIds).stream()
        .sorted(java.util.Comparator.comparing(Expert::getCreatedAt).reversed())
        .map(
            e -> {
              var application = applications.findById(e.getApplicationId());
              return new Membership(
                  e.getProjectId(),
                  e.getId(),
                  e.getPseudonym(),
                  e.getCertifiedAt(),
                  application.map(Application::getPreferredLanguage).orElse("en"),
                  application.map(Application::getName).orElse(null));
            })
        .toList();
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

  private static Messenger.Recipient recipientOf(Application a) {
    return new Messenger.Recipient(a.getId(), a.getEmail(), a.getPhone(), a.getPreferredLanguage());
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
