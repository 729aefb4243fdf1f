package nl.expertpool.ui;

import nl.expertpool.security.CurrentUser;
import nl.expertpool.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in, and where each role lands after it. */
@Controller
class HomeController {

  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping("/")
  String home() {
    CurrentUser user = CurrentUser.get();
    if (user.isProjectManager()) {
      return "redirect:/dashboard";
    }
    if (user.is(Role.CLIENT)) {
      return "redirect:/portal";
    }
    return "redirect:/tasks";
  }
}
