package nl.expertpool.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Posts rendered form fields the way a browser does, for tests that read them back. */
final class FormBrowser {

  private FormBrowser() {}

  static Document parse(String fields) {
    return Jsoup.parseBodyFragment("<form>" + fields + "</form>");
  }

  /** The parameters a browser posts when the user submits the page. */
  static Map<String, List<String>> submit(String fields) {
    return post(parse(fields), null);
  }

  /** The parameters a browser posts when the user presses this button; it must be on the page. */
  static Map<String, List<String>> press(String fields, String name, String value) {
    Document page = parse(fields);
    Element button =
        page.select("button[type=submit]").stream()
            .filter(b -> b.attr("name").equals(name) && b.attr("value").equals(value))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No button %s=%s".formatted(name, value)));
    return post(page, button);
  }

  /**
   * Successful controls in page order: enabled, named; checkboxes and radios only when checked;
   * selects their selected options (the first when none is); of the buttons only the one pressed.
   * Textareas post line breaks as CRLF.
   */
  private static Map<String, List<String>> post(Document page, Element pressed) {
    var parameters = new LinkedHashMap<String, List<String>>();
    for (Element control : page.select("input, select, textarea, button")) {
      String name = control.attr("name");
      if (name.isEmpty() || control.hasAttr("disabled")) {
        continue;
      }
      switch (control.tagName()) {
        case "select" -> {
          var selected = control.select("option[selected]");
          Element first = control.selectFirst("option");
          if (selected.isEmpty() && first != null) {
            add(parameters, name, first.attr("value"));
          }
          selected.forEach(option -> add(parameters, name, option.attr("value")));
        }
        case "textarea" -> add(parameters, name, control.wholeText().replace("\n", "\r\n"));
        case "button" -> {
          if (control == pressed) {
            add(parameters, name, control.attr("value"));
          }
        }
        default -> {
          String type = control.attr("type").toLowerCase();
          switch (type) {
            case "checkbox", "radio" -> {
              if (control.hasAttr("checked")) {
                add(parameters, name, control.hasAttr("value") ? control.attr("value") : "on");
              }
            }
            case "submit", "button", "reset", "image" -> {}
            default -> add(parameters, name, control.attr("value"));
          }
        }
      }
    }
    return parameters;
  }

  private static void add(Map<String, List<String>> parameters, String name, String value) {
    parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
  }
}
