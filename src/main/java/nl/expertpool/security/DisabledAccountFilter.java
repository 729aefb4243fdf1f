package nl.expertpool.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the page session of a user whose stored account was disabled since they signed in (their
 * person erased, their expert linked to another account): the next page they open signs them out.
 * The API needs no such check: it reads the account at every request. Not a Spring bean: it belongs
 * in the pages' filter chain only.
 */
final class DisabledAccountFilter extends OncePerRequestFilter {

  private final UserDirectory users;

  DisabledAccountFilter(UserDirectory users) {
    this.users = users;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)
        && disabled(authentication.getName())) {
      var session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      SecurityContextHolder.clearContext();
      response.sendRedirect(request.getContextPath() + "/login?disabled");
      return;
    }
    chain.doFilter(request, response);
  }

  /** While the database is away nobody is known to be disabled; the page says it is away. */
  private boolean disabled(String username) {
    try {
      return users.isDisabled(username);
    } catch (DataAccessException away) {
      return false;
    }
  }
}
