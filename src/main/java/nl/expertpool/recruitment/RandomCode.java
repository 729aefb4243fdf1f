package nl.expertpool.recruitment;

import java.security.SecureRandom;

/** Random codes people may have to type: no 0, O, 1, I. */
final class RandomCode {

  private static final char[] CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomCode() {}

  static String of(int length) {
    var text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(CODE_CHARS[RANDOM.nextInt(CODE_CHARS.length)]);
    }
    return text.toString();
  }
}
