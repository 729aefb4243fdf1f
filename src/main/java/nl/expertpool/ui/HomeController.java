package nl.expertpool.ui;

import nl.expertpool.security.CurrentUser;
import nl.expertpool.security.OidcProviderCatalog;
import nl.expertpool.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in, and where each role lands after it. */
@Controller
class HomeController {

  private final OidcProviderCatalog oidcLogins;

  HomeController(OidcProviderCatalog oidcLogins) {
    this.oidcLogins = oidcLogins;
  }

  @GetMapping("/login")
  String login(Model model) {
    model.addAttribute("oidcLogins", oidcLogins.all());
    return "login";
  }

  @GetMapping("/")
  String home() {
    CurrentUser user = CurrentUser.get();
    if (user.roles().isEmpty()) {
      return "redirect:/no-role";
    }
    if (user.isProjectManager()) {
      return "redirect:/dashboard";
    }
    if (user.is(Role.CLIENT)) {
      return "redirect:/portal";
    }
    if (user.is(Role.EXPERT)) {
      return "redirect:/me";
    }
    return "redirect:/tasks";
  }

  /**
   * Where someone lands whom the identity provider knows but who has none of the app's roles (yet).
   */
  @GetMapping("/no-role")
  String noRole() {
    return "no-role";
  }
}
