package nl.expertpool.recruitment.web;

import java.util.UUID;
import nl.expertpool.recruitment.ExpertAccess;
import nl.expertpool.recruitment.ExpertAccess.Link;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Project managers give an expert their sign-in account, so the expert sees their own interview and
 * feedback tasks. A new account has no password anyone but the expert knows: the answer carries a
 * one-time link with which the expert chooses it (also sent to the expert's e-mail address).
 */
@RestController
class ExpertAccountController {

  private final ExpertAccess accounts;

  ExpertAccountController(ExpertAccess accounts) {
    this.accounts = accounts;
  }

  @PutMapping(value = "/api/people/{id}/account", produces = MediaType.APPLICATION_JSON_VALUE)
  Link link(@PathVariable UUID id, @RequestBody AccountRequest request) {
    return accounts.link(id, request.username(), CurrentUser.get().name());
  }

  @DeleteMapping("/api/people/{id}/account")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void unlink(@PathVariable UUID id) {
    if (!accounts.unlink(id, CurrentUser.get().name())) {
      throw ApiException.notFound("No account linked to " + id);
    }
  }

  /** The account to link: an existing expert account, or a new one by this name. */
  record AccountRequest(String username) {}
}
