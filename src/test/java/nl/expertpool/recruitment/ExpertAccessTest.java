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
import nl.expertpool.notification.Messenger;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.security.OidcProviderCatalog;
import nl.expertpool.security.OidcProviderCatalog.OidcLogin;
import nl.expertpool.security.PasswordSetup;
import nl.expertpool.security.Role;
import nl.expertpool.security.UserDirectory;
import nl.expertpool.web.ApiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Which accounts an expert can be linked to, with and without sign-in through OIDC. */
class ExpertAccessTest {

  final ExpertAccounts accounts = mock(ExpertAccounts.class);
  final Applications applications = mock(Applications.class);
  final Experts experts = mock(Experts.class);
  final UserDirectory users = mock(UserDirectory.class);
  final OidcProviderCatalog oidc = mock(OidcProviderCatalog.class);
  final PasswordSetup links = mock(PasswordSetup.class);
  final Messenger notifications = mock(Messenger.class);
  final ProjectLifecycle projects = mock(ProjectLifecycle.class);
  final UUID applicationId = UUID.randomUUID();
  final UUID expertId = UUID.randomUUID();
  ExpertAccess pool;

  @BeforeEach
  void anExpert() {
    Application application = mock(Application.class);
    when(application.getId()).thenReturn(applicationId);
    when(application.getProjectId()).thenReturn(UUID.randomUUID());
    when(application.getPseudonym()).thenReturn("A-001");
    when(application.getEmail()).thenReturn("olena@example.org");
    var project = mock(Project.class);
    when(project.getName()).thenReturn("Expert pool Almere");
    when(projects.get(any())).thenReturn(project);
    Expert expert = mock(Expert.class);
    when(expert.getId()).thenReturn(expertId);
    when(expert.getPseudonym()).thenReturn("E-001");
    when(applications.findById(applicationId)).thenReturn(Optional.of(application));
    when(experts.findByApplicationId(applicationId)).thenReturn(Optional.of(expert));
    when(accounts.findById(applicationId)).thenReturn(Optional.empty());
    when(users.roleOf(anyString())).thenReturn(Optional.empty());
    pool =
        new ExpertAccess(
            accounts,
            applications,
            experts,
            users,
            oidc,
            links,
            notifications,
            projects,
            mock(AuditTrail.class),
            Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
  }

  /** Issue 17: the project manager chose and knew each expert's password. */
  @Test
  void withoutOidcAnUnknownNameGetsANewAccountWhosePasswordTheExpertSetsThroughAOneTimeLink() {
    when(oidc.all()).thenReturn(List.of());
    when(users.addWithoutPassword("olena.k", Role.EXPERT)).thenReturn(true);
    var issued =
        new PasswordSetup.Issued(
            "http://localhost:8080/account/set-password/secret",
            Instant.parse("2026-11-30T10:00:00Z"));
    when(links.issue("olena.k", "pm")).thenReturn(issued);

    var link = pool.link(applicationId, "olena.k", "pm");

    assertThat(link.accountCreated()).isTrue();
    assertThat(link.setPasswordLink()).isEqualTo(issued.url());
    verify(users, never()).addIfAbsent(anyString(), anyString(), any(), any());
    verify(notifications)
        .sendLink(any(), eq("account-set-password"), eq(issued.url()), any(Object[].class));
  }

  @Test
  void withOidcTheNameTheProviderGivesIsLinkedWithoutMakingAnAccount() {
    when(oidc.all()).thenReturn(List.of(new OidcLogin("keycloak", "Keycloak")));

    var link = pool.link(applicationId, "olena.k", "pm");

    assertThat(link.accountCreated()).isFalse();
    assertThat(link.setPasswordLink()).isNull();
    assertThat(link.expertId()).isEqualTo(expertId);
    var saved = ArgumentCaptor.forClass(ExpertAccount.class);
    verify(accounts).save(saved.capture());
    assertThat(saved.getValue().getUsername()).isEqualTo("olena.k");
    verify(users, never()).addWithoutPassword(anyString(), any());
  }

  /** Issue 17: re-linking an expert left their earlier account active. */
  @Test
  void relinkingDisablesTheEarlierAccountWhenItBelongsToNobodyElse() {
    when(oidc.all()).thenReturn(List.of(new OidcLogin("keycloak", "Keycloak")));
    var earlier = new ExpertAccount(applicationId, "olena.old", Instant.EPOCH, "pm");
    when(accounts.findById(applicationId)).thenReturn(Optional.of(earlier));
    when(accounts.findByUsername("olena.old")).thenReturn(List.of());
    when(users.roleOf("olena.new")).thenReturn(Optional.of(Role.EXPERT));

    pool.link(applicationId, "olena.new", "pm");

    verify(users).disable("olena.old");
  }

  @Test
  void relinkingKeepsTheEarlierAccountThatOtherExpertsUse() {
    when(oidc.all()).thenReturn(List.of(new OidcLogin("keycloak", "Keycloak")));
    var earlier = new ExpertAccount(applicationId, "shared", Instant.EPOCH, "pm");
    when(accounts.findById(applicationId)).thenReturn(Optional.of(earlier));
    when(accounts.findByUsername("shared"))
        .thenReturn(List.of(new ExpertAccount(UUID.randomUUID(), "shared", Instant.EPOCH, "pm")));
    when(users.roleOf("olena.new")).thenReturn(Optional.of(Role.EXPERT));

    pool.link(applicationId, "olena.new", "pm");

    verify(users, never()).disable(anyString());
  }

  @Test
  void aStaffAccountIsNeverAnExpertsAccount() {
    when(oidc.all()).thenReturn(List.of(new OidcLogin("keycloak", "Keycloak")));
    when(users.roleOf("staff")).thenReturn(Optional.of(Role.STAFF));

    var refused =
        catchThrowableOfType(ApiException.class, () -> pool.link(applicationId, "staff", "pm"));

    assertThat(refused.violations())
        .extracting(ApiException.Violation::reason)
        .containsExactly("is a STAFF account; only expert accounts can be linked");
  }
}
