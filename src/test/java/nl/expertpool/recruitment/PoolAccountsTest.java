package nl.expertpool.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.security.AppUsers;
import nl.expertpool.security.OidcLogins;
import nl.expertpool.security.OidcLogins.OidcLogin;
import nl.expertpool.security.Role;
import nl.expertpool.web.ApiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Which accounts an expert can be linked to, with and without sign-in through OIDC. */
class PoolAccountsTest {

  final ExpertAccounts accounts = mock(ExpertAccounts.class);
  final Applications applications = mock(Applications.class);
  final Experts experts = mock(Experts.class);
  final AppUsers users = mock(AppUsers.class);
  final OidcLogins oidc = mock(OidcLogins.class);
  final UUID applicationId = UUID.randomUUID();
  final UUID expertId = UUID.randomUUID();
  PoolAccounts pool;

  @BeforeEach
  void anExpert() {
    Application application = mock(Application.class);
    when(application.getId()).thenReturn(applicationId);
    when(application.getProjectId()).thenReturn(UUID.randomUUID());
    when(application.getPseudonym()).thenReturn("A-001");
    Expert expert = mock(Expert.class);
    when(expert.getId()).thenReturn(expertId);
    when(expert.getPseudonym()).thenReturn("E-001");
    when(applications.findById(applicationId)).thenReturn(Optional.of(application));
    when(experts.findByApplicationId(applicationId)).thenReturn(Optional.of(expert));
    when(accounts.findById(applicationId)).thenReturn(Optional.empty());
    when(users.roleOf(anyString())).thenReturn(Optional.empty());
    pool =
        new PoolAccounts(
            accounts,
            applications,
            experts,
            users,
            oidc,
            mock(AuditTrail.class),
            Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void withoutOidcAnUnknownNameNeedsAPasswordForANewAccount() {
    when(oidc.all()).thenReturn(List.of());

    var refused =
        catchThrowableOfType(
            ApiException.class, () -> pool.link(applicationId, "olena.k", null, "pm"));

    assertThat(refused.violations())
        .extracting(ApiException.Violation::field)
        .containsExactly("password");
    verify(accounts, never()).save(any());
  }

  @Test
  void withOidcTheNameTheProviderGivesIsLinkedWithoutMakingAnAccount() {
    when(oidc.all()).thenReturn(List.of(new OidcLogin("keycloak", "Keycloak")));

    var link = pool.link(applicationId, "olena.k", null, "pm");

    assertThat(link.accountCreated()).isFalse();
    assertThat(link.expertId()).isEqualTo(expertId);
    var saved = ArgumentCaptor.forClass(ExpertAccount.class);
    verify(accounts).save(saved.capture());
    assertThat(saved.getValue().getUsername()).isEqualTo("olena.k");
    verify(users, never()).addIfAbsent(anyString(), anyString(), any(), any());
  }

  @Test
  void withOidcAPasswordStillMakesAStoredAccount() {
    when(oidc.all()).thenReturn(List.of(new OidcLogin("keycloak", "Keycloak")));
    when(users.addIfAbsent("olena.k", "letters-at-night", Role.EXPERT, null)).thenReturn(true);

    assertThat(pool.link(applicationId, "olena.k", "letters-at-night", "pm").accountCreated())
        .isTrue();
    verify(users).addIfAbsent(eq("olena.k"), eq("letters-at-night"), eq(Role.EXPERT), any());
  }

  @Test
  void aStaffAccountIsNeverAnExpertsAccount() {
    when(oidc.all()).thenReturn(List.of(new OidcLogin("keycloak", "Keycloak")));
    when(users.roleOf("staff")).thenReturn(Optional.of(Role.STAFF));

    var refused =
        catchThrowableOfType(
            ApiException.class, () -> pool.link(applicationId, "staff", null, "pm"));

    assertThat(refused.violations())
        .extracting(ApiException.Violation::reason)
        .containsExactly("is a STAFF account; only expert accounts can be linked");
  }
}
