package nl.expertpool.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import nl.expertpool.web.ProblemResponseWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in that {@link SignInThrottle} holds back before its password is checked: on the
 * API (a request with HTTP Basic credentials) as 429 problem+json with {@code Retry-After}, on the
 * pages (the sign-in form) with the sign-in page saying to wait. Not a Spring bean: it belongs in
 * the security filter chains only.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

  private final SignInThrottle throttle;
  private final boolean api;

  private SignInThrottleFilter(SignInThrottle throttle, boolean api) {
    this.throttle = throttle;
    this.api = api;
  }

  static SignInThrottleFilter forApi(SignInThrottle throttle) {
    return new SignInThrottleFilter(throttle, true);
  }

  static SignInThrottleFilter forPages(SignInThrottle throttle) {
    return new SignInThrottleFilter(throttle, false);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> username = api ? basicUsername(request) : formUsername(request);
    Optional<Duration> wait =
        username.flatMap(name -> throttle.refusal(request.getRemoteAddr(), name));
    if (wait.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    long seconds = Math.max(1, wait.get().toSeconds() + 1);
    if (api) {
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
      ProblemResponseWriter.write(
          response,
          HttpStatus.TOO_MANY_REQUESTS,
          "Too many wrong passwords from this address or for this account: sign-ins are refused"
              + " for "
              + minutes(seconds)
              + ".");
    } else {
      response.sendRedirect(request.getContextPath() + "/login?throttled=" + minutes(seconds));
    }
  }

  /** Whole minutes, at least one, as the page and the problem say them. */
  private static long minutes(long seconds) {
    return Math.max(1, (seconds + 59) / 60);
  }

  private static Optional<String> basicUsername(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not Base64: the Basic filter refuses it
    }
  }

  private static Optional<String> formUsername(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod()) || !"/login".equals(request.getServletPath())) {
      return Optional.empty();
    }
    return Optional.ofNullable(request.getParameter("username"));
  }
}
