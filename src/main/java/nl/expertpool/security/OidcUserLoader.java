package nl.expertpool.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A user signed in by an OIDC identity provider, with the app's roles and organisation read from
 * the provider's claims and named by their user name rather than the provider's opaque subject. A
 * stored user of the same name who is disabled may not sign in this way either.
 */
class OidcUserLoader implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private static final Logger log = LoggerFactory.getLogger(OidcUserLoader.class);

  private final OAuth2UserService<OidcUserRequest, OidcUser> provider;
  private final OidcClaimReader claims;
  private final UserDirectory users;

  OidcUserLoader(
      OAuth2UserService<OidcUserRequest, OidcUser> provider,
      OidcClaimReader claims,
      UserDirectory users) {
    this.provider = provider;
    this.claims = claims;
    this.users = users;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = provider.loadUser(request);
    String nameClaim =
        OidcClaimReader.usernameClaim(
            request
                .getClientRegistration()
                .getProviderDetails()
                .getUserInfoEndpoint()
                .getUserNameAttributeName(),
            user.getClaims());
    String username = String.valueOf(user.getClaims().get(nameClaim));
    if (users.isDisabled(username)) {
      log.warn("OIDC sign-in of '{}' refused: the stored user of that name is disabled", username);
      throw new OAuth2AuthenticationException(
          new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED, "User is disabled", null));
    }
    return new DefaultOidcUser(
        claims.authorities(user.getClaims(), username),
        user.getIdToken(),
        user.getUserInfo(),
        nameClaim);
  }
}
