package nl.expertpool.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Component;

/**
 * The identity providers a user may sign in with, from the standard {@code
 * spring.security.oauth2.client.registration.*} properties; none when nothing is configured.
 */
@Component
public class OidcProviderCatalog {

  private final ObjectProvider<ClientRegistrationRepository> registrations;

  OidcProviderCatalog(ObjectProvider<ClientRegistrationRepository> registrations) {
    this.registrations = registrations;
  }

  public List<OidcLogin> all() {
    List<OidcLogin> logins = new ArrayList<>();
    if (registrations.getIfAvailable() instanceof Iterable<?> all) {
      for (Object one : all) {
        if (one instanceof ClientRegistration registration
            && AuthorizationGrantType.AUTHORIZATION_CODE.equals(
                registration.getAuthorizationGrantType())) {
          logins.add(new OidcLogin(registration.getRegistrationId(), registration.getClientName()));
        }
      }
    }
    return logins;
  }

  /** One identity provider: its registration id and the name users know it by. */
  public record OidcLogin(String registrationId, String name) {

    /** Where signing in with this provider starts. */
    public String path() {
      return "/oauth2/authorization/" + registrationId;
    }
  }
}
