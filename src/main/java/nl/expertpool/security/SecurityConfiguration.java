package nl.expertpool.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import nl.expertpool.runtime.DatabaseOutage;
import nl.expertpool.web.ProblemResponseWriter;
import nl.expertpool.web.SecurityHeaderPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two doors. The API: HTTP Basic, no sessions, no CSRF; candidates apply without an account. The
 * pages: form login with a session and CSRF protection; nothing they show may be cached. When an
 * OIDC client registration is configured, the pages also offer sign-in with that identity provider.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OidcProperties.class, SignInThrottle.Limits.class})
class SecurityConfiguration {

  /** The one page a signed-in user without any of the app's roles may see. */
  static final String NO_ROLE_PAGE = "/no-role";

  private static final String PM = Role.PROJECT_MANAGER.name();
  private static final String STAFF = Role.STAFF.name();
  private static final String CLIENT = Role.CLIENT.name();
  private static final String EXPERT = Role.EXPERT.name();

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, SignInThrottle throttle) throws Exception {
    return http.securityMatcher("/api/**", "/actuator/**", "/error")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info")
                    .permitAll()
                    .requestMatchers("/error")
                    .permitAll()
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/projects/*/applications",
                        "/api/projects/*/applications/confirmation")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/projects/*/applications/*/confirmation")
                    .hasAnyRole(PM, STAFF)
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/projects",
                        "/api/projects/*/cancellation",
                        "/api/projects/*/resumption",
                        "/api/projects/*/plan-changes")
                    .hasRole(PM)
                    .requestMatchers("/api/dev/**")
                    .hasRole(PM)
                    .requestMatchers(HttpMethod.POST, "/api/pools")
                    .hasRole(PM)
                    .requestMatchers(HttpMethod.GET, "/api/pools", "/api/pools/*")
                    .hasAnyRole(PM, STAFF)
                    .requestMatchers(HttpMethod.GET, "/api/pools/*/roster")
                    .hasAnyRole(PM, STAFF)
                    .requestMatchers(HttpMethod.DELETE, "/api/pools/*/members/*")
                    .hasAnyRole(PM, STAFF)
                    .requestMatchers(HttpMethod.POST, "/api/projects/*/experts/*/pool-consent")
                    .hasAnyRole(PM, STAFF)
                    .requestMatchers("/api/projects/*/pool-invitations")
                    .hasAnyRole(PM, STAFF)
                    .requestMatchers(HttpMethod.GET, "/api/projects/*/recruitment")
                    .hasAnyRole(PM, STAFF)
                    .requestMatchers(HttpMethod.GET, "/api/projects/*/interviews")
                    .hasAnyRole(PM, STAFF)
                    .requestMatchers(HttpMethod.GET, "/api/projects/*/remuneration")
                    .hasRole(PM)
                    .requestMatchers("/api/people/**")
                    .hasRole(PM)
                    .requestMatchers(
                        HttpMethod.GET,
                        "/api/projects/*/milestones",
                        "/api/projects/*/insights",
                        "/api/projects/*/action-agenda",
                        "/api/projects/*/agenda-follow-up",
                        "/api/projects/*/feedback",
                        "/api/projects/*/handover-package")
                    .hasAnyRole(PM, STAFF, CLIENT)
                    .requestMatchers(HttpMethod.GET, "/api/projects", "/api/projects/*")
                    .hasAnyRole(PM, STAFF, CLIENT)
                    .requestMatchers("/api/tasks/**", "/api/tasks")
                    .authenticated()
                    .anyRequest()
                    .denyAll())
        .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint()))
        .addFilterBefore(SignInThrottleFilter.forApi(throttle), BasicAuthenticationFilter.class)
        .exceptionHandling(errors -> errors.authenticationEntryPoint(apiEntryPoint()))
        .headers(SecurityConfiguration::headers)
        // No CSRF token: no cookie signs the API in, and every call that changes something must be
        // JSON (ServletProblems), which no form of another site can send.
        .csrf(csrf -> csrf.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(
      HttpSecurity http,
      ObjectProvider<ClientRegistrationRepository> registrations,
      OidcProperties oidc,
      UserDirectory users,
      SignInThrottle throttle)
      throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/login",
                        "/css/**",
                        "/js/**",
                        "/webjars/**",
                        "/favicon.ico",
                        "/account/set-password/*",
                        "/apply/confirm/*",
                        "/pool-invitations/*",
                        "/agenda-status/*",
                        "/apply/*",
                        "/apply/*/confirmation")
                    .permitAll()
                    .requestMatchers("/account/password")
                    .hasAnyRole(PM, STAFF, EXPERT, CLIENT)
                    .requestMatchers(
                        "/dashboard", "/dashboard/**", "/projects/new", "/admin", "/admin/**")
                    .hasRole(PM)
                    .requestMatchers("/portal", "/portal/**")
                    .hasAnyRole(PM, STAFF, CLIENT)
                    .requestMatchers("/pools", "/pools/**")
                    .hasAnyRole(PM, STAFF)
                    .requestMatchers("/tasks", "/tasks/**")
                    .hasAnyRole(PM, STAFF, EXPERT, CLIENT)
                    .requestMatchers("/me", "/me/**")
                    .hasRole(EXPERT)
                    .requestMatchers("/", NO_ROLE_PAGE)
                    .authenticated()
                    .anyRequest()
                    .denyAll())
        .formLogin(
            login ->
                login
                    .loginPage("/login")
                    .defaultSuccessUrl("/", true)
                    .failureHandler(
                        (request, response, failure) ->
                            response.sendRedirect(
                                request.getContextPath()
                                    + (DatabaseOutage.isOutage(failure)
                                        ? "/login?unavailable"
                                        : "/login?error")))
                    .permitAll())
        .exceptionHandling(errors -> errors.authenticationEntryPoint(signInPage()))
        .addFilterBefore(
            SignInThrottleFilter.forPages(throttle), UsernamePasswordAuthenticationFilter.class)
        .addFilterAfter(new DisabledAccountFilter(users), AnonymousAuthenticationFilter.class)
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .headers(SecurityConfiguration::headers);
    // Spring Boot registers clients only when spring.security.oauth2.client.registration.* is set.
    ClientRegistrationRepository providers = registrations.getIfAvailable();
    if (providers != null) {
      http.oauth2Login(
          login ->
              login
                  .loginPage("/login")
                  .defaultSuccessUrl("/", true)
                  .failureUrl("/login?refused")
                  .userInfoEndpoint(
                      info ->
                          info.oidcUserService(
                              new OidcUserLoader(
                                  new OidcUserService(), new OidcClaimReader(oidc), users)))
                  .permitAll());
      // Signing out also ends the session at the provider (when it announces an end-session
      // endpoint), so that the next "Sign in with" asks who is there.
      var logoutAtProvider = new OidcClientInitiatedLogoutSuccessHandler(providers);
      logoutAtProvider.setPostLogoutRedirectUri("{baseUrl}/login?logout");
      logoutAtProvider.setDefaultTargetUrl("/login?logout");
      http.logout(logout -> logout.logoutSuccessHandler(logoutAtProvider));
    }
    return http.build();
  }

  private static void headers(HeadersConfigurer<HttpSecurity> headers) {
    headers
        .cacheControl(Customizer.withDefaults())
        .contentSecurityPolicy(
            csp -> csp.policyDirectives(SecurityHeaderPolicy.CONTENT_SECURITY_POLICY))
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
        .permissionsPolicyHeader(
            permissions -> permissions.policy(SecurityHeaderPolicy.PERMISSIONS_POLICY));
  }

  /** The sign-in page, named by a relative address: never by the Host the request claims. */
  private static AuthenticationEntryPoint signInPage() {
    var page = new LoginUrlAuthenticationEntryPoint("/login");
    page.setFavorRelativeUris(true);
    return page;
  }

  /**
   * A refused sign-in answers 401 with the Basic challenge, except to a browser (a request that
   * asks for HTML, or says it comes from a script): a browser would remember the credentials typed
   * into its challenge and send them along with other sites' requests. A sign-in that could not be
   * checked because the database is away answers 503 as problem+json, so a client retries instead
   * of doubting its password.
   */
  private static AuthenticationEntryPoint apiEntryPoint() {
    var basic = new BasicAuthenticationEntryPoint();
    basic.setRealmName("Expert Pool Orchestrator");
    return (request, response, failure) -> {
      if (!DatabaseOutage.isOutage(failure)) {
        if (fromBrowser(request)) {
          ProblemResponseWriter.write(
              response,
              HttpStatus.UNAUTHORIZED,
              "Sign in: the API takes HTTP Basic authentication, sent by the program that calls"
                  + " it. Browsers use the pages at /login.");
        } else {
          basic.commence(request, response, failure);
        }
        return;
      }
      response.setHeader(HttpHeaders.RETRY_AFTER, "10");
      ProblemResponseWriter.write(
          response,
          HttpStatus.SERVICE_UNAVAILABLE,
          "The database cannot be reached right now, so the sign-in could not be checked."
              + " Try again in a moment.");
    };
  }

  static boolean fromBrowser(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return request.getHeader("X-Requested-With") != null
        || (accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html"));
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return new PasswordVerifier(PasswordEncoderFactories.createDelegatingPasswordEncoder());
  }
}
