package nl.expertpool.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import nl.expertpool.pools.Invitations;
import nl.expertpool.pools.Invitations.Offer;
import nl.expertpool.pools.Invitations.State;
import nl.expertpool.recruitment.ConsentTexts;
import nl.expertpool.web.ApiException;
import nl.expertpool.web.LinkPageLimiter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where a member of a standing pool answers an invitation to a new project of the pool, with the
 * link sent to them and no account. Opening the link only asks; the buttons answer, so that a mail
 * program that opens links to check them answers nothing. A used, expired or unknown link gets a
 * page that says so.
 */
@Controller
class PoolInvitationPage {

  private final Invitations invitations;
  private final ConsentTexts consent;
  private final LinkPageLimiter limiter;

  PoolInvitationPage(Invitations invitations, ConsentTexts consent, LinkPageLimiter limiter) {
    this.invitations = invitations;
    this.consent = consent;
    this.limiter = limiter;
  }

  @GetMapping("/pool-invitations/{token}")
  String ask(
      @PathVariable String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Locale locale,
      Model model) {
    if (tooMany(request, response, model)) {
      return "pools/invitation";
    }
    return show(invitations.offer(token), token, null, response, locale, model);
  }

  @PostMapping("/pool-invitations/{token}")
  String answer(
      @PathVariable String token,
      @RequestParam String answer,
      @RequestParam(required = false) String textVersion,
      @RequestParam(required = false) String language,
      HttpServletRequest request,
      HttpServletResponse response,
      Locale locale,
      Model model) {
    if (tooMany(request, response, model)) {
      return "pools/invitation";
    }
    try {
      Offer answered = invitations.answer(token, "accept".equals(answer), textVersion, language);
      return show(answered, token, null, response, locale, model);
    } catch (ApiException refused) {
      response.setStatus(refused.status().value());
      return show(
          invitations.offer(token), token, "me.invitation.refused", response, locale, model);
    }
  }

  private String show(
      Offer offer,
      String token,
      String refusal,
      HttpServletResponse response,
      Locale locale,
      Model model) {
    if (offer.state() == State.EXPIRED
        || offer.state() == State.UNKNOWN
        || offer.state() == State.WITHDRAWN) {
      response.setStatus(HttpStatus.GONE.value());
    }
    model.addAttribute("offer", offer);
    model.addAttribute("token", token);
    model.addAttribute("consent", consent.shown(locale.getLanguage()));
    model.addAttribute("refusal", refusal);
    return "pools/invitation";
  }

  private boolean tooMany(HttpServletRequest request, HttpServletResponse response, Model model) {
    if (!limiter.refused(request, response)) {
      return false;
    }
    model.addAttribute("offer", null);
    model.addAttribute("refusal", "me.invitation.tooMany");
    return true;
  }
}
