package nl.expertpool.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import nl.expertpool.security.PasswordPolicy.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 17: ten spaces were taken as a password. */
class PasswordPolicyTest {

  private final PasswordPolicy policy = new PasswordPolicy();

  static List<String> blank() {
    return Arrays.asList(null, "", "          ", "\t\t\t\t\t\t\t\t\t\t\t", "\u00a0".repeat(12));
  }

  @ParameterizedTest
  @MethodSource("blank")
  void blankOrOnlySpacesIsRefused(String password) {
    assertThat(policy.check(password, "olena.k")).contains(Refusal.BLANK);
  }

  @ParameterizedTest
  @ValueSource(strings = {"short", "Tulip7!", "ab cd ef"})
  void fewerThanTenCharactersIsRefused(String password) {
    assertThat(policy.check(password, "olena.k")).contains(Refusal.TOO_SHORT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password123",
        "1234567890",
        "qwertyuiop",
        "iloveyou123",
        "Welcome2024!",
        "aaaaaaaaaaaa",
        "abcdefghijk",
        "expertpool1",
        "olena.koval2026"
      })
  void commonAndGuessablePasswordsAreRefused(String password) {
    assertThat(policy.check(password, "olena.koval")).as(password).contains(Refusal.COMMON);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "letters-at-night",
        "tulips along the river ijssel",
        "Kyiv spring, Almere autumn",
        "рідна мова вдома завжди"
      })
  void wordsOfOnesOwnAreTaken(String password) {
    assertThat(policy.check(password, "olena.koval")).as(password).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void overTwoHundredCharactersIsRefused() {
    assertThat(policy.check("correct horse battery ".repeat(10), "olena.k"))
        .contains(Refusal.TOO_LONG);
  }
}
