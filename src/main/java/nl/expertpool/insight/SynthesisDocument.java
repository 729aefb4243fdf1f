package nl.expertpool.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.expertpool.web.Languages;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The synthesis as a self-contained HTML document: a bar chart of how many interviews raise each
 * theme (inline SVG, so it prints and mails without assets), then per theme the summary, the needs
 * named most, representative quotes with their interviewee's pseudonym and their language, and
 * suggested solutions.
 */
@Component
class SynthesisDocument {

  static final int CHART_WIDTH = 640;
  static final int LABEL_WIDTH = 180;
  static final int BAR_HEIGHT = 22;
  static final int BAR_GAP = 10;

  private final ITemplateEngine templates;
  private final Languages languages;

  SynthesisDocument(ITemplateEngine templates, Languages languages) {
    this.templates = templates;
    this.languages = languages;
  }

  String render(String projectName, SynthesisView synthesis) {
    var context = new Context(Locale.ENGLISH);
    context.setVariable("projectName", projectName);
    context.setVariable("synthesis", synthesis);
    context.setVariable("languages", languages);
    context.setVariable("bars", bars(synthesis));
    context.setVariable("chartWidth", CHART_WIDTH);
    context.setVariable(
        "chartHeight", Math.max(1, synthesis.themes().size()) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP);
    return templates.process("documents/synthesis", context);
  }

  /** One bar per theme, as wide as its share of the recorded interviews. */
  static List<Bar> bars(SynthesisView synthesis) {
    int room = CHART_WIDTH - LABEL_WIDTH - 100; // room beside the longest bar for "100 % (40)"
    var bars = new ArrayList<Bar>();
    int y = BAR_GAP;
    for (ThemeInsight theme : synthesis.themes()) {
      int width = (int) Math.round(room * theme.share().doubleValue());
      bars.add(
          new Bar(
              theme.theme(),
              y,
              Math.max(width, 1),
              theme.percent() + " % (" + theme.interviewCount() + ")"));
      y += BAR_HEIGHT + BAR_GAP;
    }
    return bars;
  }

  record Bar(String label, int y, int width, String value) {}
}
