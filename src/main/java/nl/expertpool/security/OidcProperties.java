package nl.expertpool.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where an OIDC identity provider puts what the app needs. Only read when sign-in with OIDC is
 * configured ({@code spring.security.oauth2.client.registration.*}).
 *
 * @param rolesClaim the claim with the user's roles or groups; a dotted path reaches into nested
 *     claims, e.g. {@code realm_access.roles} (Keycloak realm roles) or {@code groups}
 * @param organisationClaim the claim with a client user's organisation
 */
@ConfigurationProperties("expertpool.security.oidc")
record OidcProperties(
    @DefaultValue("roles") String rolesClaim,
    @DefaultValue("organisation") String organisationClaim) {}
