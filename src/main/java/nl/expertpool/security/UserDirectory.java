package nl.expertpool.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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
public class UserDirectory implements UserDetailsService {

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private final JdbcTemplate jdbc;
  private final PasswordEncoder encoder;
  private final Clock clock;

  UserDirectory(JdbcTemplate jdbc, PasswordEncoder encoder, Clock clock) {
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public UserDetails loadUserByUsername(String username) {
    if (username == null || username.indexOf('\0') >= 0) {
      throw new UsernameNotFoundException("No such user"); // PostgreSQL cannot even look for it
    }
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
    return add(username, password, null, role, organisation);
  }

  /**
   * Adds an expert's account whose password nobody knows yet: its owner sets it through a one-time
   * link ({@link PasswordSetup}).
   *
   * @return whether the user was added
   */
  @Transactional
  public boolean addWithoutPassword(String username, Role role) {
    return addWithoutPassword(username, null, role, null);
  }

  /**
   * Adds an account whose password nobody knows yet, with the name people know its owner by: its
   * owner sets the password through a one-time link ({@link PasswordSetup}).
   *
   * @param displayName null for none
   * @param organisation the client organisation of a client user; ignored for other roles
   * @return whether the user was added (false when one of that name exists)
   */
  @Transactional
  public boolean addWithoutPassword(
      String username, String displayName, Role role, String organisation) {
    return add(username, unknownPassword(), displayName, role, organisation);
  }

  private boolean add(
      String username, String password, String displayName, Role role, String organisation) {
    if (role == Role.CLIENT && (organisation == null || organisation.isBlank())) {
      throw new IllegalArgumentException("A client user belongs to a client organisation");
    }
    return jdbc.update(
            "insert into app_user (username, password_hash, role, organisation, display_name,"
                + " created_at) values (?, ?, ?, ?, ?, ?) on conflict (username) do nothing",
            username,
            encoder.encode(password),
            role.name(),
            role == Role.CLIENT ? organisation : null,
            displayName,
            Timestamp.from(clock.instant()))
        == 1;
  }

  /** A password nobody knows, not even this app once it is hashed. */
  private static String unknownPassword() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return java.util.HexFormat.of().formatHex(secret);
  }

  /**
   * Replaces a user's password with one nobody knows: the old one stops working at once, and the
   * user chooses a new one through a one-time link ({@link PasswordSetup}).
   */
  @Transactional
  public void forgetPassword(String username) {
    setPassword(username, unknownPassword());
  }

  /** Sets a user's password (checked against the policy by the caller). */
  @Transactional
  public void setPassword(String username, String password) {
    int updated =
        jdbc.update(
            "update app_user set password_hash = ? where username = ?",
            encoder.encode(password),
            username);
    if (updated != 1) {
      throw new IllegalArgumentException("No user " + username);
    }
  }

  /** Whether the password is the user's own; false for a user without a stored password. */
  @Transactional(readOnly = true)
  public boolean passwordMatches(String username, String password) {
    return jdbc
        .query(
            "select password_hash from app_user where username = ? and enabled",
            (rs, row) -> rs.getString(1),
            username)
        .stream()
        .findFirst()
        .map(hash -> password != null && encoder.matches(password, hash))
        .orElse(false);
  }

  /** Disables a stored user: they can no longer sign in, also not with an identity provider. */
  @Transactional
  public boolean disable(String username) {
    return jdbc.update(
            "update app_user set enabled = false where username = ? and enabled", username)
        == 1;
  }

  /** Enables a disabled stored user again: they sign in with the password they had. */
  @Transactional
  public boolean enable(String username) {
    return jdbc.update(
            "update app_user set enabled = true where username = ? and not enabled", username)
        == 1;
  }

  /**
   * Whether a stored user has this name or one that differs from it only in case: two such names
   * would be taken for each other by the people who read them.
   */
  @Transactional(readOnly = true)
  public boolean nameTaken(String username) {
    return !jdbc.queryForList(
            "select 1 from app_user where lower(username) = lower(?)", Integer.class, username)
        .isEmpty();
  }

  /** A stored user as the project managers see them: no password, not even its hash. */
  public record Account(
      String username,
      String displayName,
      Role role,
      String organisation,
      boolean enabled,
      Instant createdAt) {}

  /** Every stored user, by name. */
  @Transactional(readOnly = true)
  public List<Account> all() {
    return jdbc.query(ACCOUNTS + " order by lower(username), username", UserDirectory::account);
  }

  /** The stored user of this name. */
  @Transactional(readOnly = true)
  public Optional<Account> account(String username) {
    if (username == null || username.indexOf('\0') >= 0) {
      return Optional.empty(); // PostgreSQL cannot even look for it
    }
    return jdbc.query(ACCOUNTS + " where username = ?", UserDirectory::account, username).stream()
        .findFirst();
  }

  private static final String ACCOUNTS =
      "select username, display_name, role, organisation, enabled, created_at from app_user";

  private static Account account(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Account(
        rs.getString("username"),
        rs.getString("display_name"),
        Role.valueOf(rs.getString("role")),
        rs.getString("organisation"),
        rs.getBoolean("enabled"),
        rs.getTimestamp("created_at").toInstant());
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
