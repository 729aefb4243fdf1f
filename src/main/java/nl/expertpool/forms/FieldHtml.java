package nl.expertpool.forms;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import nl.expertpool.forms.FormComponent.Option;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML of one input component: label, control, description and errors, wrapped in {@code <div
 * class="field" data-key="name">}. Controls are named by the field's path in the submission, which
 * is what {@link FormSubmission#read} expects.
 */
final class FieldHtml {

  /** The hidden input that tells a field was on the page when a browser sends nothing for it. */
  static final String PRESENT = "_present";

  private final StringBuilder out;
  private final FormComponent field;
  private final String name;
  private final String id;
  private final List<FieldError> errors;
  private final FormTranslator texts;

  private FieldHtml(
      StringBuilder out,
      FormComponent field,
      String name,
      List<FieldError> errors,
      FormTranslator texts) {
    this.out = out;
    this.field = field;
    this.name = name;
    this.id = id(name);
    this.errors = errors;
    this.texts = texts;
  }

  /**
   * @param value the value to show: from the task, typed by the user or the component's default
   * @param options the choices of a select, radio, checklist or taglist, static or from the task
   * @param errors the errors to show next to the control
   * @param texts the language of the errors' reasons (the field comes translated already)
   */
  static void write(
      StringBuilder out,
      FormComponent field,
      String name,
      Object value,
      List<Option> options,
      List<FieldError> errors,
      FormTranslator texts) {
    new FieldHtml(out, field, name, errors, texts).write(value, options);
  }

  /** An HTML id for a submission path; paths hold dots and brackets, which selectors dislike. */
  static String id(String name) {
    return "field-" + name.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  static String escape(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }

  private void write(Object value, List<Option> options) {
    out.append("<div class=\"field");
    if (!errors.isEmpty()) {
      out.append(" has-error");
    }
    out.append('"');
    attr("data-key", name);
    attr("data-type", field.type());
    out.append(">\n");
    switch (field.type()) {
      case "checkbox" -> checkbox(value);
      case "radio" -> choices("radio", options, selected(value));
      case "checklist" -> choices("checkbox", options, selected(value));
      case "taglist" -> {
        if (options.isEmpty()) {
          input("text", tags(value));
        } else {
          choices("checkbox", options, selected(value));
        }
      }
      case "select" -> select(options, selected(value));
      case "textarea" -> textarea(text(value));
      case "number" -> input("number", number(value));
      case "datetime" -> input(dateInputType(), datetime(value));
      case "textfield" -> input("text", text(value));
      default -> throw new IllegalStateException("No HTML for form-js input " + field.type());
    }
    if (field.description() != null) {
      out.append("<p class=\"description\"");
      attr("id", id + "-description");
      out.append('>').append(escape(field.description())).append("</p>\n");
    }
    for (int i = 0; i < errors.size(); i++) {
      FieldError error = errors.get(i);
      out.append("<p class=\"field-error\"");
      attr("id", errorId(i));
      out.append('>');
      // An error about one item of a list (themes[1]) says which item.
      out.append(escape(error.field().equals(name) ? texts.reason(error) : texts.message(error)));
      out.append("</p>\n");
    }
    out.append("</div>\n");
  }

  private void input(String type, String value) {
    label();
    out.append("<input");
    attr("type", type);
    attr("id", id);
    attr("name", name);
    attr("value", value);
    placeholder();
    if ("number".equals(type)) {
      // form-js lets any decimal through unless min or max say otherwise; so must the browser.
      attr("step", "any");
      if (field.min() != null) {
        attr("min", field.min().toPlainString());
      }
      if (field.max() != null) {
        attr("max", field.max().toPlainString());
      }
    }
    if ("text".equals(type)) {
      lengths();
      if (field.pattern() != null) {
        // HTML anchors the pattern; form-js tests it unanchored, so the browser must too.
        attr("pattern", ".*(?:" + field.pattern() + ").*");
      }
    }
    editable();
    aria();
    out.append(">\n");
  }

  private void textarea(String value) {
    label();
    out.append("<textarea");
    attr("id", id);
    attr("name", name);
    attr("rows", "4");
    placeholder();
    lengths();
    editable();
    aria();
    out.append('>');
    // The HTML parser drops one newline right after the tag; keep the user's own.
    if (value.startsWith("\n")) {
      out.append('\n');
    }
    out.append(escape(value)).append("</textarea>\n");
  }

  private void checkbox(Object value) {
    boolean checked = Boolean.TRUE.equals(value) || "true".equals(value);
    present();
    out.append("<input type=\"checkbox\"");
    attr("id", id);
    attr("name", name);
    attr("value", "true");
    flag("checked", checked);
    locked();
    aria();
    out.append(">\n");
    if (field.readonly() && checked) {
      hidden(name, "true");
    }
    label();
  }

  private void choices(String type, List<Option> options, Set<String> selected) {
    out.append("<fieldset class=\"choices\"");
    attr("id", id);
    out.append(">\n");
    if (labelText() != null) {
      out.append("<legend>");
      labelContent();
      out.append("</legend>\n");
    }
    present();
    List<Option> shown = withCurrent(options, selected);
    for (int i = 0; i < shown.size(); i++) {
      Option option = shown.get(i);
      out.append("<label class=\"option\"><input");
      attr("type", type);
      attr("id", id + "-" + i);
      attr("name", name);
      attr("value", option.value());
      flag("checked", selected.contains(option.value()));
      if ("radio".equals(type)) {
        locked();
      } else {
        // A checklist is required as a whole, which HTML cannot say of single boxes.
        flag("disabled", field.readonly());
      }
      aria();
      out.append("> ").append(escape(optionLabel(option))).append("</label>\n");
    }
    if (field.readonly()) {
      selected.forEach(v -> hidden(name, v));
    }
    out.append("</fieldset>\n");
  }

  private void select(List<Option> options, Set<String> selected) {
    label();
    out.append("<select");
    attr("id", id);
    attr("name", name);
    locked();
    aria();
    out.append(">\n<option value=\"\"></option>\n");
    for (Option option : withCurrent(options, selected)) {
      out.append("<option");
      attr("value", option.value());
      flag("selected", selected.contains(option.value()));
      out.append('>').append(escape(optionLabel(option))).append("</option>\n");
    }
    out.append("</select>\n");
    if (field.readonly()) {
      selected.forEach(v -> hidden(name, v));
    }
  }

  /**
   * The options plus any chosen value they lack (a stale choice, or one a failed submission
   * brought), so that a page never silently drops a value; the validator says what is wrong.
   */
  private static List<Option> withCurrent(List<Option> options, Set<String> selected) {
    var shown = new ArrayList<>(options);
    var known = options.stream().map(Option::value).toList();
    for (String value : selected) {
      if (!known.contains(value)) {
        shown.add(new Option(value, value));
      }
    }
    return shown;
  }

  private static String optionLabel(Option option) {
    return option.label() == null ? String.valueOf(option.value()) : option.label();
  }

  private void label() {
    if (labelText() == null) {
      return;
    }
    out.append("<label");
    attr("for", id);
    out.append('>');
    labelContent();
    out.append("</label>\n");
  }

  private void labelContent() {
    out.append(escape(labelText()));
    if (field.required()) {
      out.append("<span class=\"required\" aria-hidden=\"true\">*</span>");
    }
  }

  private String labelText() {
    if (field.label() != null || !"datetime".equals(field.type())) {
      return field.label();
    }
    var parts = new ArrayList<String>();
    if (!"time".equals(field.subtype()) && field.dateLabel() != null) {
      parts.add(field.dateLabel());
    }
    if (!"date".equals(field.subtype()) && field.timeLabel() != null) {
      parts.add(field.timeLabel());
    }
    return parts.isEmpty() ? null : String.join(" / ", parts);
  }

  private void placeholder() {
    if (field.placeholder() != null) {
      attr("placeholder", field.placeholder());
    }
  }

  private void lengths() {
    if (field.minLength() != null) {
      attr("minlength", String.valueOf(field.minLength()));
    }
    if (field.maxLength() != null) {
      attr("maxlength", String.valueOf(field.maxLength()));
    }
  }

  /** Text, number and date inputs: read-only ones are still submitted. */
  private void editable() {
    flag("readonly", field.readonly());
    flag("required", field.required() && !field.readonly());
  }

  /**
   * Checkboxes, radios and selects cannot be read-only in HTML: they are disabled, which a browser
   * does not submit, and a hidden input carries their value instead.
   */
  private void locked() {
    flag("disabled", field.readonly());
    flag("required", field.required() && !field.readonly());
  }

  private void aria() {
    if (labelText() == null) {
      attr("aria-label", field.key());
    }
    if (!errors.isEmpty()) {
      attr("aria-invalid", "true");
    }
    var describedBy = new ArrayList<String>();
    if (field.description() != null) {
      describedBy.add(id + "-description");
    }
    for (int i = 0; i < errors.size(); i++) {
      describedBy.add(errorId(i));
    }
    if (!describedBy.isEmpty()) {
      attr("aria-describedby", String.join(" ", describedBy));
    }
  }

  private String errorId(int index) {
    return index == 0 ? id + "-error" : id + "-error-" + (index + 1);
  }

  private void present() {
    hidden(PRESENT, name);
  }

  private void hidden(String name, String value) {
    out.append("<input type=\"hidden\"");
    attr("name", name);
    attr("value", value);
    out.append(">\n");
  }

  private void attr(String attribute, String value) {
    out.append(' ').append(attribute).append("=\"").append(escape(value)).append('"');
  }

  private void flag(String attribute, boolean on) {
    if (on) {
      out.append(' ').append(attribute);
    }
  }

  private String dateInputType() {
    return switch (field.subtype()) {
      case "time" -> "time";
      case "datetime" -> "datetime-local";
      default -> "date";
    };
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  private static Set<String> selected(Object value) {
    var selected = new LinkedHashSet<String>();
    if (value instanceof List<?> list) {
      list.stream().filter(v -> v != null).forEach(v -> selected.add(String.valueOf(v)));
    } else if (!FieldValidation.isEmpty(value)) {
      selected.add(String.valueOf(value));
    }
    return selected;
  }

  private static String tags(Object value) {
    if (value instanceof List<?> list) {
      return String.join(", ", list.stream().map(FieldHtml::text).toList());
    }
    return text(value);
  }

  private static String number(Object value) {
    if (value instanceof Number) {
      var decimal = FieldValidation.decimal(value);
      if (decimal != null) {
        return decimal.stripTrailingZeros().toPlainString();
      }
    }
    return text(value);
  }

  /**
   * What a date, time or datetime-local input takes: no offset. A moment with an offset shows as
   * the local time in {@link FormValue#LOCAL}, where times typed without an offset are read.
   */
  private String datetime(Object value) {
    String text = text(value).strip();
    return switch (field.subtype()) {
      case "time" ->
          firstReading(text, List.of(LocalTime::parse, t -> OffsetTime.parse(t).toLocalTime()));
      case "datetime" -> firstReading(text, List.of(LocalDateTime::parse, FieldHtml::local));
      default ->
          firstReading(
              text,
              List.of(
                  LocalDate::parse,
                  t -> LocalDateTime.parse(t).toLocalDate(),
                  t -> local(t).toLocalDate()));
    };
  }

  private static LocalDateTime local(String text) {
    return OffsetDateTime.parse(text).atZoneSameInstant(FormValue.LOCAL).toLocalDateTime();
  }

  /** The first reading that parses, in ISO-8601; the text itself when none does. */
  private static String firstReading(String text, List<Function<String, Object>> readings) {
    for (var reading : readings) {
      try {
        return String.valueOf(reading.apply(text));
      } catch (DateTimeParseException e) {
        // try the next reading
      }
    }
    return text;
  }
}
