package nl.expertpool.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user: name, roles, candidate groups and, for clients, their organisation. */
public record CurrentUser(String name, Set<Role> roles, String organisation) {

  static final String ORGANISATION_PREFIX = "ORG_";

  public static CurrentUser get() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      return new CurrentUser("anonymous", Set.of(), null);
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    String organisation = null;
    for (GrantedAuthority authority : auth.getAuthorities()) {
      String name = authority.getAuthority();
      if (name.startsWith("ROLE_")) {
        try {
          roles.add(Role.valueOf(name.substring(5)));
        } catch (IllegalArgumentException ignored) {
          // a role of another system: not ours to interpret
        }
      } else if (name.startsWith(ORGANISATION_PREFIX)) {
        organisation = name.substring(ORGANISATION_PREFIX.length());
      }
    }
    return new CurrentUser(auth.getName(), roles, organisation);
  }

  public boolean is(Role role) {
    return roles.contains(role);
  }

  public boolean isProjectManager() {
    return is(Role.PROJECT_MANAGER);
  }

  /** Staff and project managers see every project; clients only their organisation's. */
  public boolean mayReadProjectOf(String clientOrganisation) {
    return isProjectManager()
        || is(Role.STAFF)
        || (is(Role.CLIENT) && clientOrganisation.equals(organisation));
  }

  public List<String> groups() {
    return roles.stream().map(Role::group).toList();
  }

  /** Project managers may complete every task; others those offered to one of their groups. */
  public boolean mayWorkOn(List<String> candidateGroups) {
    return isProjectManager() || candidateGroups.stream().anyMatch(groups()::contains);
  }
}
