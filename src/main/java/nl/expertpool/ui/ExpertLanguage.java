package nl.expertpool.ui;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.expertpool.recruitment.ExpertAccess;
import nl.expertpool.recruitment.ExpertAccess.Membership;
import nl.expertpool.web.Languages;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

/**
 * The language an expert's pages open in until the expert chooses one: the language of their
 * application. A choice of their own (the switch at the top, kept in a cookie) always wins.
 */
@Component
class ExpertLanguage {

  /** The cookie in which a chosen language is kept (see {@link PageConfiguration}). */
  static final String COOKIE = "expertpool-language";

  private final ExpertAccess access;
  private final Languages languages;

  ExpertLanguage(ExpertAccess access, Languages languages) {
    this.access = access;
    this.languages = languages;
  }

  /**
   * The code of the language the page should switch to for this account, or empty when it is in it
   * already, the person chose one, or the account is no expert's.
   */
  Optional<String> switchFor(HttpServletRequest request, Locale shown, String username) {
    return switchFor(request, shown, access.membershipsOf(username));
  }

  Optional<String> switchFor(
      HttpServletRequest request, Locale shown, List<Membership> memberships) {
    if (request.getParameter("lang") != null
        || WebUtils.getCookie(request, COOKIE) != null
        || memberships.isEmpty()) {
      return Optional.empty();
    }
    String preferred = memberships.getFirst().preferredLanguage();
    return languages.offers(preferred) && !preferred.equals(shown.getLanguage())
        ? Optional.of(preferred)
        : Optional.empty();
  }
}
