package nl.expertpool.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordVerifierTest {

  private final AtomicInteger checks = new AtomicInteger();
  private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
  private final PasswordEncoder passwords =
      new PasswordVerifier(
          new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
              return bcrypt.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
              checks.incrementAndGet();
              return bcrypt.matches(raw, encoded);
            }
          });

  @Test
  void aRightPasswordIsCheckedOnceAndThenRemembered() {
    String hash = passwords.encode("secret");

    for (int i = 0; i < 5; i++) {
      assertThat(passwords.matches("secret", hash)).isTrue();
    }

    assertThat(checks).hasValue(1);
  }

  @Test
  void aWrongPasswordIsCheckedEveryTime() {
    String hash = passwords.encode("secret");

    for (int i = 0; i < 3; i++) {
      assertThat(passwords.matches("guess", hash)).isFalse();
    }
    assertThat(passwords.matches("secret", hash)).isTrue();

    assertThat(checks).hasValue(4);
  }

  @Test
  void aChangedPasswordIsCheckedAgainstItsNewHash() {
    String old = passwords.encode("secret");
    assertThat(passwords.matches("secret", old)).isTrue();

    String changed = passwords.encode("new secret");

    assertThat(passwords.matches("secret", changed)).isFalse();
    assertThat(passwords.matches("new secret", changed)).isTrue();
    assertThat(passwords.matches("new secret", changed)).isTrue();
    assertThat(checks).hasValue(3);
  }

  @Test
  void theSamePasswordOfAnotherUserIsCheckedForThatUser() {
    String first = passwords.encode("shared");
    String second = passwords.encode("shared");
    assertThat(passwords.matches("shared", first)).isTrue();

    assertThat(passwords.matches("shared", second)).isTrue();

    assertThat(checks).hasValue(2);
  }
}
