package nl.expertpool.ui;

import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * A horizontal bar chart drawn on the server: each bar an SVG of its own beside its label and
 * figure as text, so that the text keeps its size on a phone and screen readers read the figures;
 * no script.
 */
final class BarChart {

  private BarChart() {}

  /** One bar: its label, its length as a share of the scale (0 to 1), and the figure shown. */
  record Bar(String label, double share, String figure, boolean marked) {}

  static String html(String title, List<Bar> bars) {
    var html = new StringBuilder("<figure class=\"bars\"><figcaption>");
    html.append(escape(title)).append("</figcaption>");
    for (Bar bar : bars) {
      double share = Math.max(0, Math.min(1, bar.share()));
      html.append("<div class=\"bar-row\"><span class=\"bar-label\">")
          .append(escape(bar.label()))
          .append("</span><svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\"")
          .append(" aria-hidden=\"true\" focusable=\"false\"><rect width=\"")
          .append(String.format(Locale.ROOT, "%.1f", Math.max(share * 100, 0.5)))
          .append("\" height=\"10\" class=\"")
          .append(bar.marked() ? "marked" : "plain")
          .append("\"/></svg><span class=\"bar-figure\">")
          .append(escape(bar.figure()))
          .append("</span></div>");
    }
    return html.append("</figure>").toString();
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text == null ? "" : text);
  }
}
