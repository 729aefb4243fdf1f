package nl.expertpool.security;

import nl.expertpool.runtime.DatabaseSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The first users: demo users on the embedded default, one project manager on a cluster. */
@Configuration(proxyBeanMethods = false)
class UsersConfiguration {

  private static final Logger log = LoggerFactory.getLogger(UsersConfiguration.class);

  /** The client organisation of the demo client user. */
  static final String DEMO_ORGANISATION = "Gemeente Almere";

  /** Demo users with password {@code demo}: only on the embedded default, never on a cluster. */
  @Bean
  @Profile("!camunda")
  ApplicationRunner demoUsers(UserDirectory users) {
    return args -> {
      users.addIfAbsent("pm", "demo", Role.PROJECT_MANAGER, null);
      users.addIfAbsent("staff", "demo", Role.STAFF, null);
      users.addIfAbsent("expert", "demo", Role.EXPERT, null);
      users.addIfAbsent("client", "demo", Role.CLIENT, DEMO_ORGANISATION);
      users.addIfAbsent("client-utrecht", "demo", Role.CLIENT, "Gemeente Utrecht");
    };
  }

  /**
   * On a cluster: one project manager from configuration, so nobody signs in with a demo password.
   * Added once the database schema is ready, which on a cluster may be after the start.
   */
  @Bean
  @Profile("camunda")
  ApplicationRunner initialManager(
      UserDirectory users,
      PasswordPolicy policy,
      DatabaseSchema schema,
      @Value("${expertpool.security.initial-manager.username:}") String username,
      @Value("${expertpool.security.initial-manager.password:}") String password) {
    return args -> {
      if (username.isBlank() || password.isBlank()) {
        log.warn(
            "No initial project manager configured (EXPERTPOOL_SECURITY_INITIAL_MANAGER_USERNAME"
                + " and _PASSWORD): only existing users can sign in");
        return;
      }
      var refusal = policy.check(password, username);
      if (refusal.isPresent()) {
        log.error(
            "The initial project manager is not created: EXPERTPOOL_SECURITY_INITIAL_MANAGER_PASSWORD"
                + " {}. Choose another and restart.",
            refusal.get().english());
        return;
      }
      schema.whenReady(
          () -> {
            if (users.addIfAbsent(username, password, Role.PROJECT_MANAGER, null)) {
              log.info("Initial project manager '{}' created", username);
            }
          });
    };
  }
}
