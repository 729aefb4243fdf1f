package nl.expertpool.insight;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What the interviews say about one theme.
 *
 * @param share of the recorded interviews that raise the theme, 0 to 1
 * @param summary staff's words, a generated first draft until they revise it
 */
public record ThemeInsight(
    String theme,
    int interviewCount,
    BigDecimal share,
    String summary,
    List<Need> topNeeds,
    List<Quote> quotes,
    List<String> solutions) {

  /** A need and how many interviews named it. */
  public record Need(String need, int count) {}

  /**
   * A quote with the interview it comes from (interviewee by pseudonym only), in the words and the
   * language the expert recorded.
   *
   * @param language a BCP 47 tag such as {@code uk}; null for a quote kept before languages were
   */
  public record Quote(UUID interviewId, String interviewee, String text, String language) {}

  /** The share as a whole percentage, for people. */
  public int percent() {
    return share.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).intValue();
  }
}
