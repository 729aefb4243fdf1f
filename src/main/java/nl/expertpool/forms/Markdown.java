package nl.expertpool.forms;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The markdown of a form-js text component as HTML, with its {@code {{variable}}} templates filled
 * in from the task's variables.
 */
final class Markdown {

  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");

  private static final Pattern VARIABLE =
      Pattern.compile("[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*");

  private static final Parser PARSER = Parser.builder().build();

  // Raw HTML in the markdown shows as text and links keep to safe protocols, as in form-js.
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  private Markdown() {}

  /**
   * The HTML of the markdown. Templates are filled in after parsing, into the text itself, so that
   * a variable's value is always shown as written and never read as markdown or HTML. A template
   * that is more than a variable name (a FEEL expression, {@code #if}, {@code #loop}) shows as
   * nothing: the server does not evaluate FEEL.
   */
  static String html(String markdown, Map<String, ?> variables) {
    var document = PARSER.parse(markdown == null ? "" : markdown);
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            text.setLiteral(fill(text.getLiteral(), variables));
          }

          @Override
          public void visit(Code code) {
            code.setLiteral(fill(code.getLiteral(), variables));
          }
        });
    return RENDERER.render(document);
  }

  private static String fill(String literal, Map<String, ?> variables) {
    return TEMPLATE
        .matcher(literal)
        .replaceAll(m -> Matcher.quoteReplacement(value(m.group(1), variables)));
  }

  private static String value(String expression, Map<String, ?> variables) {
    if (!VARIABLE.matcher(expression).matches()) {
      return "";
    }
    Object current = variables;
    for (String segment : expression.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return "";
      }
      current = map.get(segment);
    }
    return display(current);
  }

  private static String display(Object value) {
    return switch (value) {
      case null -> "";
      case Double d when d.isNaN() || d.isInfinite() -> String.valueOf(d);
      case Float f when f.isNaN() || f.isInfinite() -> String.valueOf(f);
      case Number n -> FieldValidation.decimal(n).stripTrailingZeros().toPlainString();
      case List<?> list -> list.stream().map(Markdown::display).collect(Collectors.joining(", "));
      default -> String.valueOf(value);
    };
  }
}
