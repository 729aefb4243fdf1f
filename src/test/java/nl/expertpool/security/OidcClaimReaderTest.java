package nl.expertpool.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class OidcClaimReaderTest {

  private final OidcClaimReader defaults = new OidcClaimReader("roles", "organisation");

  @Test
  void keycloakRealmRolesAreReadFromADottedPathAndTheirOwnRolesIgnored() {
    var keycloak = new OidcClaimReader("realm_access.roles", "organisation");
    Map<String, Object> claims =
        Map.of(
            "realm_access",
            Map.of("roles", List.of("offline_access", "project-managers", "uma_authorization")));

    assertThat(names(keycloak, claims)).containsExactly("ROLE_PROJECT_MANAGER");
  }

  @Test
  void roleNamesAndGroupNamesAreAcceptedInAnyCase() {
    Map<String, Object> claims =
        Map.of("roles", List.of("project_manager", "Staff", "EXPERTS", "clients"));
    Map<String, Object> withOrganisation =
        Map.of("roles", claims.get("roles"), "organisation", "X");

    assertThat(defaults.roles(claims))
        .containsExactlyInAnyOrder(Role.PROJECT_MANAGER, Role.STAFF, Role.EXPERT, Role.CLIENT);
    assertThat(names(defaults, withOrganisation))
        .containsExactlyInAnyOrder(
            "ROLE_PROJECT_MANAGER", "ROLE_STAFF", "ROLE_EXPERT", "ROLE_CLIENT", "ORG_X");
  }

  @Test
  void unknownValuesGiveNoRole() {
    Map<String, Object> claims =
        Map.of("roles", List.of("admin", "ROLE_PROJECT_MANAGER", "project-manager", "staff-x", ""));

    assertThat(names(defaults, claims)).isEmpty();
    assertThat(names(defaults, Map.of("sub", "x"))).isEmpty();
    assertThat(
            names(
                new OidcClaimReader("realm_access.roles", "organisation"),
                Map.of("realm_access", "staff")))
        .isEmpty();
  }

  @Test
  void aGroupsClaimWithKeycloakFullPathsAndAStringOfRolesBothWork() {
    var groups = new OidcClaimReader("groups", "organisation");

    assertThat(groups.roles(Map.of("groups", List.of("/staff", "/other/experts"))))
        .containsExactly(Role.STAFF);
    assertThat(defaults.roles(Map.of("roles", "staff, experts"))).contains(Role.STAFF, Role.EXPERT);
  }

  @Test
  void aClaimWhoseNameHasDotsIsReadAsItIs() {
    var namespaced = new OidcClaimReader("https://expertpool.nl/roles", "organisation");

    assertThat(namespaced.roles(Map.of("https://expertpool.nl/roles", List.of("staff"))))
        .containsExactly(Role.STAFF);
  }

  @Test
  void aClientGetsTheirOrganisationWhoseNameMayHaveSpaces() {
    Map<String, Object> claims =
        Map.of("roles", List.of("clients"), "organisation", "Gemeente Almere");

    assertThat(names(defaults, claims))
        .containsExactlyInAnyOrder("ROLE_CLIENT", "ORG_Gemeente Almere");
    assertThat(
            names(
                new OidcClaimReader("roles", "org.name"),
                Map.of("roles", "CLIENT", "org", Map.of("name", List.of("Gemeente Almere")))))
        .containsExactlyInAnyOrder("ROLE_CLIENT", "ORG_Gemeente Almere");
  }

  @Test
  void aClientWithoutExactlyOneOrganisationGetsNoClientRoleButKeepsTheirOtherRoles() {
    assertThat(names(defaults, Map.of("roles", List.of("CLIENT")))).isEmpty();
    assertThat(names(defaults, Map.of("roles", List.of("clients", "experts"), "organisation", " ")))
        .containsExactly("ROLE_EXPERT");
    assertThat(
            names(
                defaults,
                Map.of(
                    "roles",
                    List.of("clients"),
                    "organisation",
                    List.of("Gemeente Almere", "Gemeente Utrecht"))))
        .isEmpty();
  }

  @Test
  void onlyAClientIsGivenAnOrganisation() {
    Map<String, Object> claims =
        Map.of("roles", List.of("staff"), "organisation", "Gemeente Almere");

    assertThat(names(defaults, claims)).containsExactly("ROLE_STAFF");
  }

  @Test
  void theUserIsNamedByTheConfiguredClaimElseTheirPreferredUsernameElseTheSubject() {
    Map<String, Object> claims =
        Map.of("sub", "f81d4fae", "preferred_username", "anna", "email", "a@x");

    assertThat(OidcClaimReader.usernameClaim("email", claims)).isEqualTo("email");
    assertThat(OidcClaimReader.usernameClaim("sub", claims)).isEqualTo("preferred_username");
    assertThat(OidcClaimReader.usernameClaim(null, claims)).isEqualTo("preferred_username");
    assertThat(OidcClaimReader.usernameClaim(null, Map.of("sub", "f81d4fae"))).isEqualTo("sub");
  }

  private static List<String> names(OidcClaimReader mapping, Map<String, Object> claims) {
    return mapping.authorities(claims, "someone").stream()
        .map(GrantedAuthority::getAuthority)
        .toList();
  }
}
