package nl.expertpool.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Reads our roles and a client's organisation from the claims of an OIDC identity provider. A role
 * may be given by its name ({@code PROJECT_MANAGER}) or by its candidate group ({@code
 * project-managers}), in any case; values the app does not know are ignored.
 */
class OidcClaimReader {

  private static final Logger log = LoggerFactory.getLogger(OidcClaimReader.class);

  static final String PREFERRED_USERNAME = "preferred_username";
  static final String SUBJECT = "sub";

  private final String rolesClaim;
  private final String organisationClaim;

  OidcClaimReader(String rolesClaim, String organisationClaim) {
    this.rolesClaim = rolesClaim;
    this.organisationClaim = organisationClaim;
  }

  OidcClaimReader(OidcProperties properties) {
    this(properties.rolesClaim(), properties.organisationClaim());
  }

  /**
   * The authorities of a user with these claims, as {@link UserDirectory} gives them to a stored
   * user. A client without exactly one organisation gets no client role: without it the app could
   * not tell which projects are theirs.
   */
  List<GrantedAuthority> authorities(Map<String, Object> claims, String username) {
    Set<Role> roles = roles(claims);
    List<GrantedAuthority> authorities = new ArrayList<>();
    if (roles.contains(Role.CLIENT)) {
      List<String> organisations = organisations(claims);
      if (organisations.size() == 1) {
        authorities.add(
            new SimpleGrantedAuthority(CurrentUser.ORGANISATION_PREFIX + organisations.getFirst()));
      } else {
        roles.remove(Role.CLIENT);
        log.warn(
            "OIDC user '{}' has the client role but {} organisations in claim '{}':"
                + " signed in without the client role",
            username,
            organisations.size(),
            organisationClaim);
      }
    }
    if (roles.isEmpty()) {
      log.info("OIDC user '{}' has none of the app's roles in claim '{}'", username, rolesClaim);
    }
    roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
    return authorities;
  }

  Set<Role> roles(Map<String, Object> claims) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String value : values(claims, rolesClaim, true)) {
      role(value).ifPresent(roles::add);
    }
    return roles;
  }

  /**
   * The claim that names the user: the provider's {@code user-name-attribute} when one is set, else
   * {@code preferred_username} (the login name in Keycloak), else the subject.
   */
  static String usernameClaim(String configured, Map<String, Object> claims) {
    if (configured != null && !configured.isBlank() && !SUBJECT.equals(configured)) {
      return configured;
    }
    Object preferred = claims.get(PREFERRED_USERNAME);
    return preferred instanceof String name && !name.isBlank() ? PREFERRED_USERNAME : SUBJECT;
  }

  /** A role by its name or its group; Keycloak's full group path adds a leading slash. */
  private static Optional<Role> role(String value) {
    String name = value.startsWith("/") ? value.substring(1) : value;
    for (Role role : Role.values()) {
      if (role.name().equalsIgnoreCase(name) || role.group().equalsIgnoreCase(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  /** A client's organisations: one string, or a list (its names may contain spaces). */
  List<String> organisations(Map<String, Object> claims) {
    return values(claims, organisationClaim, false);
  }

  /**
   * The values of a claim: a list, or one string, which {@code split} splits at spaces and commas.
   * A claim whose own name contains dots (e.g. {@code https://example.org/roles}) is taken as it
   * is; otherwise the dots lead into nested claims.
   */
  static List<String> values(Map<String, Object> claims, String path, boolean split) {
    Object value = claims.containsKey(path) ? claims.get(path) : nested(claims, path);
    List<Object> found = new ArrayList<>();
    if (value instanceof Collection<?> many) {
      found.addAll(many);
    } else if (value instanceof String text) {
      found.addAll(split ? List.of(text.split("[,\\s]+")) : List.of(text));
    }
    return found.stream()
        .filter(one -> one != null && !one.toString().isBlank())
        .map(one -> one.toString().trim())
        .distinct()
        .toList();
  }

  private static Object nested(Map<String, Object> claims, String path) {
    Object current = claims;
    for (String part : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(part);
    }
    return current;
  }
}
