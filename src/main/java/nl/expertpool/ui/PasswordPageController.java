package nl.expertpool.ui;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.security.PasswordPolicy;
import nl.expertpool.security.PasswordPolicy.Refusal;
import nl.expertpool.security.PasswordSetup;
import nl.expertpool.security.UserDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Everyone's own password: set once through a one-time link (an expert's new account), and changed
 * by its owner at any time. Nobody else ever chooses or sees it.
 */
@Controller
class PasswordPageController {

  private final UserDirectory users;
  private final PasswordSetup links;
  private final PasswordPolicy policy;
  private final ExpertLanguage expertLanguage;

  PasswordPageController(
      UserDirectory users,
      PasswordSetup links,
      PasswordPolicy policy,
      ExpertLanguage expertLanguage) {
    this.users = users;
    this.links = links;
    this.policy = policy;
    this.expertLanguage = expertLanguage;
  }

  @GetMapping("/account/password")
  String changeForm(Model model) {
    model.addAttribute("stored", users.roleOf(CurrentUser.get().name()).isPresent());
    return "account/password";
  }

  @PostMapping("/account/password")
  String change(
      @RequestParam(required = false) String current,
      @RequestParam(required = false) String password,
      @RequestParam(required = false) String repeat,
      Model model,
      RedirectAttributes flash) {
    String me = CurrentUser.get().name();
    model.addAttribute("stored", users.roleOf(me).isPresent());
    if (!users.passwordMatches(me, current)) {
      model.addAttribute("currentError", "account.current.wrong");
      return "account/password";
    }
    Optional<String> problem = problem(password, repeat, me);
    if (problem.isPresent()) {
      model.addAttribute("passwordError", problem.get());
      return "account/password";
    }
    users.setPassword(me, password);
    flash.addFlashAttribute("changed", true);
    return "redirect:/account/password";
  }

  /** An expert's new account: in the language of their application, until they choose one. */
  @GetMapping("/account/set-password/{token}")
  String setForm(
      @PathVariable String token, HttpServletRequest request, Locale locale, Model model) {
    String username = userOf(token);
    Optional<String> preferred = expertLanguage.switchFor(request, locale, username);
    if (preferred.isPresent()) {
      return "redirect:/account/set-password/" + token + "?lang=" + preferred.get();
    }
    model.addAttribute("username", username);
    model.addAttribute("token", token);
    return "account/set-password";
  }

  @PostMapping("/account/set-password/{token}")
  String set(
      @PathVariable String token,
      @RequestParam(required = false) String password,
      @RequestParam(required = false) String repeat,
      Model model) {
    String username = userOf(token);
    model.addAttribute("username", username);
    model.addAttribute("token", token);
    Optional<String> problem = problem(password, repeat, username);
    if (problem.isPresent()) {
      model.addAttribute("passwordError", problem.get());
      return "account/set-password";
    }
    try {
      links.setPassword(token, password);
    } catch (IllegalArgumentException spent) {
      throw gone();
    }
    return "redirect:/login?passwordSet";
  }

  /** The message code of what is wrong with the new password and its repetition. */
  private Optional<String> problem(String password, String repeat, String username) {
    Optional<Refusal> refusal = policy.check(password, username);
    if (refusal.isPresent()) {
      return refusal.map(Refusal::code);
    }
    return password.equals(repeat) ? Optional.empty() : Optional.of("account.repeat.different");
  }

  private String userOf(String token) {
    return links.userOf(token).orElseThrow(PasswordPageController::gone);
  }

  /** An unknown, used or expired link: the page says so without telling which. */
  private static ResponseStatusException gone() {
    return new ResponseStatusException(HttpStatus.GONE, "account.link.gone");
  }
}
