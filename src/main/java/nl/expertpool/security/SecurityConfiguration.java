package nl.expertpool.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/** The API: HTTP Basic, no sessions; candidates apply without an account. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  private static final String PM = Role.PROJECT_MANAGER.name();
  private static final String STAFF = Role.STAFF.name();
  private static final String CLIENT = Role.CLIENT.name();

  @Bean
  SecurityFilterChain api(HttpSecurity http) throws Exception {
    return http.securityMatcher("/api/**", "/actuator/**", "/error")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info")
                    .permitAll()
                    .requestMatchers("/error")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/projects/*/applications")
                    .permitAll()
                    .requestMatchers(
                        HttpMethod.POST, "/api/projects", "/api/projects/*/cancellation")
                    .hasRole(PM)
                    .requestMatchers("/api/dev/**")
                    .hasRole(PM)
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
                        "/api/projects/*/feedback",
                        "/api/projects/*/handover-package")
                    .hasAnyRole(PM, STAFF, CLIENT)
                    .requestMatchers(HttpMethod.GET, "/api/projects", "/api/projects/*")
                    .hasAnyRole(PM, STAFF, CLIENT)
                    .requestMatchers("/api/tasks/**", "/api/tasks")
                    .authenticated()
                    .anyRequest()
                    .denyAll())
        .httpBasic(Customizer.withDefaults())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
