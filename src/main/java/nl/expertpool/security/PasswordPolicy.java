package nl.expertpool.security;

import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which passwords the app takes: at least {@value #MIN_LENGTH} characters, not blank, and not
 * guessable. zxcvbn (Dropbox's estimator, as zxcvbn4j) rates a password against its lists of common
 * passwords, words and names, keyboard patterns, repeats, sequences and dates, and against the
 * user's own name; a password it rates below {@value #MIN_SCORE} of 4 is refused, so are the ones
 * on its common-password list, whatever else they hold.
 */
@Component
public class PasswordPolicy {

  public static final int MIN_LENGTH = 10;
  static final int MAX_LENGTH = 200;
  static final int MIN_SCORE = 3;

  private final Zxcvbn zxcvbn = new Zxcvbn();

  /** Why a password is refused, as a message code and its English text. */
  public enum Refusal {
    BLANK("password.blank", "must not be empty or only spaces"),
    TOO_SHORT("password.too-short", "must be at least " + MIN_LENGTH + " characters"),
    TOO_LONG("password.too-long", "must be at most " + MAX_LENGTH + " characters"),
    NUL_CHARACTER("password.nul-character", "must not contain a NUL character"),
    COMMON("password.common", "is too common or too easy to guess: use a few words of your own");

    private final String code;
    private final String english;

    Refusal(String code, String english) {
      this.code = code;
      this.english = english;
    }

    public String code() {
      return code;
    }

    public String english() {
      return english;
    }
  }

  /** Why the password is refused for this user; empty when it is taken. */
  public Optional<Refusal> check(String password, String username) {
    if (password == null
        || password
            .codePoints()
            .allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
      return Optional.of(Refusal.BLANK);
    }
    if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of(Refusal.TOO_SHORT);
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of(Refusal.TOO_LONG);
    }
    if (password.indexOf('\0') >= 0) {
      return Optional.of(Refusal.NUL_CHARACTER);
    }
    var own = new ArrayList<String>(List.of("expertpool", "expert", "pool", "camunda"));
    if (username != null && !username.isBlank()) {
      own.add(username);
      own.addAll(List.of(username.split("[._@-]")));
    }
    var strength = zxcvbn.measure(password, own);
    boolean listed =
        strength.getSequence().stream()
            .anyMatch(
                m -> "passwords".equals(m.dictionaryName) && m.token.length() == password.length());
    if (listed || strength.getScore() < MIN_SCORE) {
      return Optional.of(Refusal.COMMON);
    }
    return Optional.empty();
  }
}
