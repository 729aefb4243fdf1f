package nl.expertpool.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What project managers do to other people's accounts: add staff, project managers and clients,
 * deactivate and reactivate them, and reset a password. Nobody chooses another's password: a new
 * account, and one whose password is reset, comes with a one-time link ({@link PasswordSetup}) that
 * its owner uses to choose their own. Every change writes an audit event that names the account,
 * never a password or a link. On a cluster this is how the first project manager adds everyone
 * else.
 */
@Service
public class AccountAdministration {

  public static final int USERNAME_MIN = 2;
  public static final int USERNAME_MAX = 120;
  public static final int DISPLAY_NAME_MAX = 200;

  /** The roles an account is made with here; an expert's comes from linking it to the expert. */
  public static final Set<Role> OFFERED = EnumSet.of(Role.PROJECT_MANAGER, Role.STAFF, Role.CLIENT);

  /** The characters of a username, as an expert's account linking takes them. */
  static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]+");

  private final UserDirectory users;
  private final PasswordSetup links;
  private final ClientOrganisationCatalog organisations;
  private final AuditTrail audit;

  AccountAdministration(
      UserDirectory users,
      PasswordSetup links,
      ClientOrganisationCatalog organisations,
      AuditTrail audit) {
    this.users = users;
    this.links = links;
    this.organisations = organisations;
    this.audit = audit;
  }

  /**
   * An account to make, as typed: surrounding spaces go, and an empty display name or organisation
   * is none.
   *
   * @param role null when none was chosen
   * @param organisation the client organisation of a client account; ignored for other roles
   */
  public record NewAccount(String username, String displayName, Role role, String organisation) {
    public NewAccount {
      username = username == null ? "" : username.strip();
      displayName = blankToNull(displayName);
      organisation = role == Role.CLIENT ? blankToNull(organisation) : null;
    }

    private static String blankToNull(String text) {
      return text == null || text.isBlank() ? null : text.strip();
    }
  }

  /** Why a field of a new account is refused. */
  public enum Refusal {
    REQUIRED,
    TOO_SHORT,
    TOO_LONG,
    CHARACTERS,
    TAKEN,
    NOT_OFFERED,
    UNKNOWN_ORGANISATION
  }

  /**
   * A refused field ({@code username}, {@code displayName}, {@code role}, {@code organisation}).
   */
  public record Problem(String field, Refusal refusal) {}

  /** A new account refused for the problems it names; nothing was stored. */
  public static class Refused extends RuntimeException {
    private final List<Problem> problems;

    Refused(List<Problem> problems) {
      super("The account was not created: " + problems);
      this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
      return problems;
    }
  }

  /** What is wrong with the new account; empty when it can be made. */
  @Transactional(readOnly = true)
  public List<Problem> check(NewAccount account) {
    List<Problem> problems = new ArrayList<>();
    String username = account.username();
    if (username.isEmpty()) {
      problems.add(new Problem("username", Refusal.REQUIRED));
    } else if (username.length() > USERNAME_MAX) {
      problems.add(new Problem("username", Refusal.TOO_LONG));
    } else if (!USERNAME.matcher(username).matches()) {
      problems.add(new Problem("username", Refusal.CHARACTERS));
    } else if (username.length() < USERNAME_MIN) {
      problems.add(new Problem("username", Refusal.TOO_SHORT));
    } else if (users.nameTaken(username)) {
      problems.add(new Problem("username", Refusal.TAKEN));
    }
    String displayName = account.displayName();
    if (displayName != null && displayName.length() > DISPLAY_NAME_MAX) {
      problems.add(new Problem("displayName", Refusal.TOO_LONG));
    } else if (displayName != null && displayName.chars().anyMatch(Character::isISOControl)) {
      problems.add(new Problem("displayName", Refusal.CHARACTERS));
    }
    if (account.role() == null) {
      problems.add(new Problem("role", Refusal.REQUIRED));
    } else if (!OFFERED.contains(account.role())) {
      problems.add(new Problem("role", Refusal.NOT_OFFERED));
    } else if (account.role() == Role.CLIENT) {
      if (account.organisation() == null) {
        problems.add(new Problem("organisation", Refusal.REQUIRED));
      } else if (!organisations.exists(account.organisation())) {
        problems.add(new Problem("organisation", Refusal.UNKNOWN_ORGANISATION));
      }
    }
    return problems;
  }

  /**
   * Makes the account, with a one-time link with which its owner chooses their password.
   *
   * @return the link to hand over, shown once: only its hash is stored
   * @throws Refused when a field is refused; nothing is stored then
   */
  @Transactional
  public PasswordSetup.Issued create(NewAccount account, String actor) {
    List<Problem> problems = check(account);
    if (!problems.isEmpty()) {
      throw new Refused(problems);
    }
    if (!users.addWithoutPassword(
        account.username(), account.displayName(), account.role(), account.organisation())) {
      throw new Refused(List.of(new Problem("username", Refusal.TAKEN))); // made meanwhile
    }
    PasswordSetup.Issued link = links.issue(account.username(), actor);
    audit.record(
        actor,
        "account.created",
        subject(account.username()),
        account.role()
            + (account.organisation() == null ? "" : " of " + account.organisation())
            + "; a link to set the password, valid until "
            + link.expiresAt());
    return link;
  }

  /**
   * Makes the user's password one nobody knows, so that the old one stops working now, and gives a
   * one-time link to choose a new one; their earlier links stop working.
   *
   * @return the link to hand over, shown once
   */
  @Transactional
  public PasswordSetup.Issued resetPassword(String username, String actor) {
    UserDirectory.Account account = othersAccount(username, actor);
    if (!account.enabled()) {
      throw ApiException.conflict("The account is deactivated; reactivate it first.");
    }
    users.forgetPassword(username);
    PasswordSetup.Issued link = links.issue(username, actor);
    audit.record(
        actor,
        "account.password-reset",
        subject(username),
        "a link to set the password, valid until " + link.expiresAt());
    return link;
  }

  /**
   * Deactivates the account: its owner can no longer sign in, on the pages (an open session ends at
   * their next page) or the API, and their links to set a password stop working.
   *
   * @return false when it was deactivated already
   */
  @Transactional
  public boolean deactivate(String username, String actor) {
    othersAccount(username, actor);
    if (!users.disable(username)) {
      return false;
    }
    links.revoke(username);
    audit.record(actor, "account.deactivated", subject(username), null);
    return true;
  }

  /**
   * Reactivates a deactivated account; its owner signs in with the password they had. Not for an
   * expert's account: that was deactivated when its expert was erased or linked to another account,
   * and an expert gets an account again by linking it on the project's page.
   *
   * @return false when it was active already
   */
  @Transactional
  public boolean reactivate(String username, String actor) {
    UserDirectory.Account account = othersAccount(username, actor);
    if (!mayReactivate(account)) {
      throw ApiException.conflict(
          "An expert's account is not reactivated here: link the expert to an account on the"
              + " project's page.");
    }
    if (!users.enable(username)) {
      return false;
    }
    audit.record(actor, "account.reactivated", subject(username), null);
    return true;
  }

  /** Whether {@link #reactivate} takes this account when it is deactivated. */
  public static boolean mayReactivate(UserDirectory.Account account) {
    return account.role() != Role.EXPERT;
  }

  /** Someone else's stored account: nobody deactivates or resets their own here. */
  private UserDirectory.Account othersAccount(String username, String actor) {
    UserDirectory.Account account =
        users.account(username).orElseThrow(() -> ApiException.notFound("No user " + username));
    if (account.username().equals(actor)) {
      throw ApiException.conflict("Not your own account: change your password on its own page.");
    }
    return account;
  }

  /** The audit trail's subject for an account, as the set-password link names it. */
  public static String subject(String username) {
    return "user:" + username;
  }
}
