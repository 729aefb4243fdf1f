package nl.expertpool.security;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** Who can sign in, until the workspace issue stores users in PostgreSQL. */
@Configuration(proxyBeanMethods = false)
class UsersConfiguration {

  private static final Logger log = LoggerFactory.getLogger(UsersConfiguration.class);

  /** The client organisation of the demo client user. */
  static final String DEMO_ORGANISATION = "Gemeente Almere";

  /** Demo users with password {@code demo}: only on the embedded default, never on a cluster. */
  @Bean
  @Profile("!camunda")
  InMemoryUserDetailsManager demoUsers(PasswordEncoder encoder) {
    String password = encoder.encode("demo");
    return new InMemoryUserDetailsManager(
        User.withUsername("pm").password(password).roles(Role.PROJECT_MANAGER.name()).build(),
        User.withUsername("staff").password(password).roles(Role.STAFF.name()).build(),
        User.withUsername("expert").password(password).roles(Role.EXPERT.name()).build(),
        User.withUsername("client")
            .password(password)
            .authorities(
                "ROLE_" + Role.CLIENT.name(), CurrentUser.ORGANISATION_PREFIX + DEMO_ORGANISATION)
            .build());
  }

  /**
   * On a cluster: one project manager from configuration, so nobody signs in with a demo password.
   */
  @Bean
  @Profile("camunda")
  InMemoryUserDetailsManager configuredUsers(
      PasswordEncoder encoder,
      @Value("${expertpool.security.initial-manager.username:}") String username,
      @Value("${expertpool.security.initial-manager.password:}") String password) {
    List<UserDetails> users = new ArrayList<>();
    if (username.isBlank() || password.isBlank()) {
      log.warn(
          "No initial project manager configured (EXPERTPOOL_SECURITY_INITIAL_MANAGER_USERNAME"
              + " and _PASSWORD): nobody can sign in");
    } else {
      users.add(
          User.withUsername(username)
              .password(encoder.encode(password))
              .roles(Role.PROJECT_MANAGER.name())
              .build());
    }
    return new InMemoryUserDetailsManager(users);
  }
}
