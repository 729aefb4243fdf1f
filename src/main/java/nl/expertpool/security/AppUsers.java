package nl.expertpool.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users who can sign in, stored in PostgreSQL with bcrypt hashes. A user has one role; a client
 * user also has their organisation, which becomes an {@code ORG_} authority.
 */
@Service
public class AppUsers implements UserDetailsService {

  private final JdbcTemplate jdbc;
  private final PasswordEncoder encoder;
  private final Clock clock;

  AppUsers(JdbcTemplate jdbc, PasswordEncoder encoder, Clock clock) {
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public UserDetails loadUserByUsername(String username) {
    List<UserDetails> found =
        jdbc.query(
            "select username, password_hash, role, organisation, enabled from app_user"
                + " where username = ?",
            (rs, row) -> {
              List<GrantedAuthority> authorities = new ArrayList<>();
              authorities.add(new SimpleGrantedAuthority("ROLE_" + rs.getString("role")));
              String organisation = rs.getString("organisation");
              if (organisation != null) {
                authorities.add(
                    new SimpleGrantedAuthority(CurrentUser.ORGANISATION_PREFIX + organisation));
              }
              return User.withUsername(rs.getString("username"))
                  .password(rs.getString("password_hash"))
                  .authorities(authorities)
                  .disabled(!rs.getBoolean("enabled"))
                  .build();
            },
            username);
    if (found.isEmpty()) {
      throw new UsernameNotFoundException("No user " + username);
    }
    return found.getFirst();
  }

  /** Whether a stored user of this name exists and is disabled. */
  @Transactional(readOnly = true)
  public boolean isDisabled(String username) {
    return !jdbc.queryForList(
            "select 1 from app_user where username = ? and not enabled", Integer.class, username)
        .isEmpty();
  }

  /**
   * Adds a user unless one with that name exists.
   *
   * @return whether the user was added
   */
  @Transactional
  public boolean addIfAbsent(String username, String password, Role role, String organisation) {
    if (role == Role.CLIENT && (organisation == null || organisation.isBlank())) {
      throw new IllegalArgumentException("A client user belongs to a client organisation");
    }
    return jdbc.update(
            "insert into app_user (username, password_hash, role, organisation, created_at)"
                + " values (?, ?, ?, ?, ?) on conflict (username) do nothing",
            username,
            encoder.encode(password),
            role.name(),
            role == Role.CLIENT ? organisation : null,
            Timestamp.from(clock.instant()))
        == 1;
  }

  /** The role of a stored user, if there is one by that name. */
  @Transactional(readOnly = true)
  public Optional<Role> roleOf(String username) {
    return jdbc
        .query(
            "select role from app_user where username = ?", (rs, row) -> rs.getString(1), username)
        .stream()
        .findFirst()
        .map(Role::valueOf);
  }
}
