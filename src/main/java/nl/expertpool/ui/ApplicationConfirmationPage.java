package nl.expertpool.ui;

import nl.expertpool.recruitment.ApplicationConfirmation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Where an applicant confirms their application with the link sent to them. Opening the link asks;
 * only the button confirms, so that a mail program that opens links to check them confirms nothing.
 */
@Controller
class ApplicationConfirmationPage {

  private final ApplicationConfirmation confirmation;

  ApplicationConfirmationPage(ApplicationConfirmation confirmation) {
    this.confirmation = confirmation;
  }

  @GetMapping("/apply/confirm/{token}")
  String ask(@PathVariable String token, Model model) {
    model.addAttribute(
        "projectName",
        confirmation.projectOfLink(token).orElseThrow(ApplicationConfirmationPage::gone));
    model.addAttribute("token", token);
    return "apply/confirm";
  }

  @PostMapping("/apply/confirm/{token}")
  String confirm(@PathVariable String token, Model model) {
    model.addAttribute(
        "projectName",
        confirmation.confirmByLink(token).orElseThrow(ApplicationConfirmationPage::gone));
    return "apply/confirmed";
  }

  /** An unknown, used or expired link: the page says so without telling which. */
  private static ResponseStatusException gone() {
    return new ResponseStatusException(HttpStatus.GONE, "apply.link.gone");
  }
}
