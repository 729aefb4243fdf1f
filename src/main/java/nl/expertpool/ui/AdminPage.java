package nl.expertpool.ui;

import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.expertpool.project.ClientDirectory;
import nl.expertpool.security.AccountAdministration;
import nl.expertpool.security.AccountAdministration.NewAccount;
import nl.expertpool.security.AccountAdministration.Problem;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.security.PasswordSetup;
import nl.expertpool.security.Role;
import nl.expertpool.security.UserDirectory;
import nl.expertpool.security.UserDirectory.Account;
import nl.expertpool.ui.ProjectDraft.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Users and client organisations, for project managers: the accounts with their role and state, a
 * form for a new staff, project-manager or client account, and one for a new client organisation. A
 * new account, and one whose password is reset, gets a one-time link to choose a password, shown
 * once on the page that follows, for the project manager to hand over. Deactivating an account and
 * resetting a password ask on a page of their own first, so that it works without JavaScript.
 */
@Controller
class AdminPage {

  private final UserDirectory users;
  private final AccountAdministration accounts;
  private final ClientDirectory clients;

  AdminPage(UserDirectory users, AccountAdministration accounts, ClientDirectory clients) {
    this.users = users;
    this.accounts = accounts;
    this.clients = clients;
  }

  @GetMapping("/admin")
  String page(Model model) {
    return show(model, AccountDraft.blank(), Map.of(), "", Map.of());
  }

  @PostMapping("/admin/users")
  String createAccount(
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes flash,
      HttpServletResponse response) {
    AccountDraft draft = AccountDraft.from(form);
    Map<String, FieldProblem> problems = new LinkedHashMap<>();
    NewAccount account = draft.toAccount(problems);
    accounts.check(account).forEach(p -> problems.putIfAbsent(p.field(), problem(p)));
    if (problems.isEmpty()) {
      try {
        PasswordSetup.Issued link = accounts.create(account, me());
        flash.addFlashAttribute(
            "handOver", new HandOver(account.username(), link.url(), link.expiresAt(), true));
        return "redirect:/admin#hand-over";
      } catch (AccountAdministration.Refused refused) {
        refused.problems().forEach(p -> problems.putIfAbsent(p.field(), problem(p)));
      }
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return show(model, draft, problems, "", Map.of());
  }

  @PostMapping("/admin/organisations")
  String createOrganisation(
      @RequestParam(required = false) String organisationName,
      Model model,
      RedirectAttributes flash,
      HttpServletResponse response) {
    String typed = organisationName == null ? "" : organisationName;
    try {
      ClientDirectory.Client client = clients.create(typed, me());
      flash.addFlashAttribute("notice", "admin.organisation.added");
      flash.addFlashAttribute("noticeArg", client.name());
      return "redirect:/admin#organisations";
    } catch (ClientDirectory.Refused refused) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return show(
          model,
          AccountDraft.blank(),
          Map.of(),
          typed,
          Map.of("organisationName", problem(refused.refusal())));
    }
  }

  @GetMapping("/admin/users/{username}/deactivation")
  String askToDeactivate(@PathVariable String username, Model model, RedirectAttributes flash) {
    Account account = account(username);
    if (isMe(account)) {
      return notice(flash, "admin.notice.notYourOwn", username);
    }
    if (!account.enabled()) {
      return notice(flash, "admin.notice.deactivatedAlready", username);
    }
    model.addAttribute("account", account);
    model.addAttribute("action", "deactivation");
    return "admin/confirm";
  }

  @PostMapping("/admin/users/{username}/deactivation")
  String deactivate(@PathVariable String username, RedirectAttributes flash) {
    Account account = account(username);
    if (isMe(account)) {
      return notice(flash, "admin.notice.notYourOwn", username);
    }
    accounts.deactivate(username, me());
    return notice(flash, "admin.notice.deactivated", username);
  }

  @PostMapping("/admin/users/{username}/activation")
  String reactivate(@PathVariable String username, RedirectAttributes flash) {
    Account account = account(username);
    if (isMe(account)) {
      return notice(flash, "admin.notice.notYourOwn", username);
    }
    if (!AccountAdministration.mayReactivate(account)) {
      return notice(flash, "admin.notice.expertNotReactivated", username);
    }
    accounts.reactivate(username, me());
    return notice(flash, "admin.notice.reactivated", username);
  }

  @GetMapping("/admin/users/{username}/password-reset")
  String askToReset(@PathVariable String username, Model model, RedirectAttributes flash) {
    Account account = account(username);
    if (isMe(account)) {
      return notice(flash, "admin.notice.notYourOwn", username);
    }
    if (!account.enabled()) {
      return notice(flash, "admin.notice.resetDeactivated", username);
    }
    model.addAttribute("account", account);
    model.addAttribute("action", "password-reset");
    return "admin/confirm";
  }

  @PostMapping("/admin/users/{username}/password-reset")
  String reset(@PathVariable String username, RedirectAttributes flash) {
    Account account = account(username);
    if (isMe(account)) {
      return notice(flash, "admin.notice.notYourOwn", username);
    }
    if (!account.enabled()) {
      return notice(flash, "admin.notice.resetDeactivated", username);
    }
    PasswordSetup.Issued link = accounts.resetPassword(username, me());
    flash.addFlashAttribute(
        "handOver", new HandOver(username, link.url(), link.expiresAt(), false));
    return "redirect:/admin#hand-over";
  }

  private String show(
      Model model,
      AccountDraft draft,
      Map<String, FieldProblem> accountProblems,
      String organisationName,
      Map<String, FieldProblem> organisationProblems) {
    List<Account> all = users.all();
    List<ClientDirectory.Client> organisations = clients.all();
    model.addAttribute("accounts", all);
    model.addAttribute("me", me());
    model.addAttribute("roles", AccountAdministration.OFFERED);
    model.addAttribute("organisations", organisations);
    model.addAttribute(
        "usersByOrganisation",
        all.stream()
            .map(Account::organisation)
            .filter(Objects::nonNull)
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
    model.addAttribute("draft", draft);
    model.addAttribute("problems", accountProblems);
    model.addAttribute("organisationName", organisationName);
    model.addAttribute("organisationProblems", organisationProblems);
    model.addAttribute(
        "limits",
        Map.of(
            "username", AccountAdministration.USERNAME_MAX,
            "displayName", AccountAdministration.DISPLAY_NAME_MAX,
            "organisationName", ClientDirectory.NAME_MAX));
    return "admin/index";
  }

  /** A new account's problem in the page's words. */
  private static FieldProblem problem(Problem problem) {
    return switch (problem.refusal()) {
      case REQUIRED ->
          new FieldProblem(
              switch (problem.field()) {
                case "role" -> "admin.error.chooseRole";
                case "organisation" -> "admin.error.chooseOrganisation";
                default -> "admin.error.required";
              });
      case TOO_SHORT ->
          new FieldProblem("admin.error.tooShort", AccountAdministration.USERNAME_MIN);
      case TOO_LONG ->
          new FieldProblem(
              "admin.error.tooLong",
              problem.field().equals("username")
                  ? AccountAdministration.USERNAME_MAX
                  : AccountAdministration.DISPLAY_NAME_MAX);
      case CHARACTERS ->
          new FieldProblem(
              problem.field().equals("username")
                  ? "admin.error.usernameCharacters"
                  : "admin.error.controlCharacters");
      case TAKEN -> new FieldProblem("admin.error.usernameTaken");
      case NOT_OFFERED -> new FieldProblem("admin.error.chooseRole");
      case UNKNOWN_ORGANISATION -> new FieldProblem("admin.error.chooseOrganisation");
    };
  }

  /** A new organisation's problem in the page's words. */
  private static FieldProblem problem(ClientDirectory.Refusal refusal) {
    return switch (refusal) {
      case REQUIRED -> new FieldProblem("admin.error.required");
      case TOO_LONG -> new FieldProblem("admin.error.tooLong", ClientDirectory.NAME_MAX);
      case CHARACTERS -> new FieldProblem("admin.error.controlCharacters");
      case TAKEN -> new FieldProblem("admin.error.organisationTaken");
    };
  }

  private static String notice(RedirectAttributes flash, String notice, String argument) {
    flash.addFlashAttribute("notice", notice);
    flash.addFlashAttribute("noticeArg", argument);
    return "redirect:/admin";
  }

  private Account account(String username) {
    return users
        .account(username)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No user"));
  }

  private static boolean isMe(Account account) {
    return account.username().equals(me());
  }

  private static String me() {
    return CurrentUser.get().name();
  }

  /**
   * A link to set a password, for the project manager to hand over: shown once, on the page after
   * the account was made or its password reset, and never stored but as its hash.
   */
  record HandOver(String username, String url, Instant expiresAt, boolean created)
      implements Serializable {}

  /** The new-account form as typed, kept as text so that a refused form comes back as sent. */
  record AccountDraft(String username, String displayName, String role, String organisation) {

    static AccountDraft blank() {
      return new AccountDraft("", "", "", "");
    }

    static AccountDraft from(MultiValueMap<String, String> form) {
      Function<String, String> one = name -> form.getFirst(name) == null ? "" : form.getFirst(name);
      return new AccountDraft(
          one.apply("username"),
          one.apply("displayName"),
          one.apply("role"),
          one.apply("organisation"));
    }

    /** The account to make; a role that is none of the app's is a problem and left out. */
    NewAccount toAccount(Map<String, FieldProblem> problems) {
      Role chosen = null;
      if (!role.isBlank()) {
        try {
          chosen = Role.valueOf(role.strip());
        } catch (IllegalArgumentException e) {
          problems.put("role", new FieldProblem("admin.error.chooseRole"));
        }
      }
      return new NewAccount(username, displayName, chosen, organisation);
    }
  }
}
