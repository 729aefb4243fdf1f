package nl.expertpool.forms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Realistic values for any form, built from its components, and what its page should hold: for
 * tests that must fail when a form or component type comes along that the page cannot handle.
 */
final class FormSamples {

  /** One of every supported type and nesting, in the shapes the Camunda Modeler writes. */
  static final String EVERY_TYPE =
      """
      {
        "id": "every-type",
        "type": "default",
        "schemaVersion": 18,
        "components": [
          { "id": "Text_1", "type": "text", "text": "### Hello {{name}}\\n\\nYou have {{count}} tasks." },
          { "id": "Separator_1", "type": "separator" },
          { "id": "Spacer_1", "type": "spacer", "height": 30 },
          { "id": "Field_decision", "type": "radio", "key": "decision", "label": "Decision",
            "validate": { "required": true },
            "values": [ { "label": "Extend", "value": "extend" },
                        { "label": "Cancel", "value": "cancel" } ] },
          { "id": "Field_days", "type": "number", "key": "days", "label": "Days",
            "description": "Only when you extend.", "defaultValue": 7,
            "validate": { "min": 1, "max": "90" } },
          { "id": "Field_note", "type": "textarea", "key": "note", "label": "Note",
            "validate": { "maxLength": 200 } },
          { "id": "Field_code", "type": "textfield", "key": "code", "label": "Code",
            "validate": { "minLength": 2, "maxLength": 10, "pattern": "^[A-Z]+$" } },
          { "id": "Field_done", "type": "checkbox", "key": "done", "label": "Done",
            "validate": { "required": true } },
          { "id": "Field_actions", "type": "checklist", "key": "actions", "label": "Actions",
            "values": [ { "label": "A", "value": "a" }, { "label": "B", "value": "b" },
                        { "label": "C", "value": "c" } ] },
          { "id": "Field_themes", "type": "checklist", "key": "themes", "label": "Themes",
            "valuesKey": "projectThemes" },
          { "id": "Field_tags", "type": "taglist", "key": "tags", "label": "Tags",
            "valuesKey": "availableTags" },
          { "id": "Field_colours", "type": "taglist", "key": "colours", "label": "Colours",
            "values": [ { "label": "Red", "value": "red" }, { "label": "Blue", "value": "blue" } ] },
          { "id": "Field_size", "type": "select", "key": "size", "label": "Size",
            "values": [ { "label": "Small", "value": "s" }, { "label": "Large", "value": "l" } ] },
          { "id": "Field_owner", "type": "select", "key": "owner", "label": "Owner",
            "valuesKey": "people" },
          { "id": "Field_on", "type": "datetime", "key": "on", "subtype": "date", "dateLabel": "On" },
          { "id": "Field_at", "type": "datetime", "key": "at", "subtype": "time", "timeLabel": "At" },
          { "id": "Field_when", "type": "datetime", "key": "when", "subtype": "datetime",
            "dateLabel": "Date", "timeLabel": "Time" },
          { "id": "Field_contact", "type": "textfield", "key": "contact.email", "label": "E-mail" },
          { "id": "Group_plain", "type": "group", "label": "Plain", "components": [
            { "id": "Field_count", "type": "number", "key": "count", "label": "Count" } ] },
          { "id": "Group_address", "type": "group", "label": "Address", "path": "address",
            "components": [
              { "id": "Field_city", "type": "textfield", "key": "city", "label": "City",
                "validate": { "required": true } },
              { "id": "Field_rooms", "type": "dynamiclist", "path": "rooms", "label": "Rooms",
                "isRepeating": true, "allowAddRemove": true, "defaultRepetitions": 1,
                "components": [
                  { "id": "Field_room", "type": "textfield", "key": "room", "label": "Room" } ] } ] },
          { "id": "Field_sessions", "type": "dynamiclist", "path": "sessions", "label": "Sessions",
            "isRepeating": true, "allowAddRemove": true, "defaultRepetitions": 2,
            "components": [
              { "id": "Field_label", "type": "textfield", "key": "label", "label": "Label",
                "readonly": true },
              { "id": "Field_kind", "type": "select", "key": "kind", "label": "Kind",
                "readonly": true,
                "values": [ { "label": "Online", "value": "online" },
                            { "label": "On site", "value": "onsite" } ] },
              { "id": "Field_paid", "type": "checkbox", "key": "paid", "label": "Paid",
                "readonly": true },
              { "id": "Field_mode", "type": "radio", "key": "mode", "label": "Mode",
                "readonly": true,
                "values": [ { "label": "Plenary", "value": "plenary" },
                            { "label": "Groups", "value": "groups" } ] },
              { "id": "Field_topics", "type": "checklist", "key": "topics", "label": "Topics",
                "readonly": true,
                "values": [ { "label": "Housing", "value": "housing" },
                            { "label": "Work", "value": "work" } ] },
              { "id": "Field_startsAt", "type": "datetime", "key": "startsAt", "subtype": "datetime",
                "dateLabel": "Date", "timeLabel": "Start time", "validate": { "required": true } },
              { "id": "Field_attended", "type": "checkbox", "key": "attended", "label": "Attended" },
              { "id": "Field_helpers", "type": "dynamiclist", "path": "helpers", "label": "Helpers",
                "isRepeating": true, "allowAddRemove": true,
                "components": [
                  { "id": "Field_helper", "type": "textfield", "key": "name", "label": "Name" } ] }
            ] }
        ]
      }
      """;

  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([\\w.]+)\\s*}}");

  private FormSamples() {}

  /** The options every {@code valuesKey} names and a value for every text template. */
  static Map<String, Object> taskVariables(FormSchema form) {
    var variables = new LinkedHashMap<String, Object>();
    collectVariables(form.components(), variables);
    return variables;
  }

  private static void collectVariables(
      List<FormComponent> components, Map<String, Object> variables) {
    for (var component : components) {
      if (component.valuesKey() != null) {
        String key = component.valuesKey();
        variables.put(
            key,
            List.of(
                Map.of("label", "First <" + key + ">", "value", key + "-1"),
                Map.of("label", "Second & more", "value", key + "-2"),
                Map.of("label", "Third", "value", key + "-3")));
      }
      if (component.text() != null) {
        Matcher templates = TEMPLATE.matcher(component.text());
        while (templates.find()) {
          variables.put(templates.group(1), "<b>" + templates.group(1) + "</b>");
        }
      }
      collectVariables(component.components(), variables);
    }
  }

  /** A value for every input, two rows in every dynamic list, as the REST API would get them. */
  static Map<String, Object> values(FormSchema form, Map<String, ?> taskVariables) {
    var values = new LinkedHashMap<String, Object>();
    fill(form.components(), values, taskVariables);
    return values;
  }

  private static void fill(
      List<FormComponent> components, Map<String, Object> into, Map<String, ?> taskVariables) {
    for (var component : components) {
      switch (component.type()) {
        case "group" ->
            fill(
                component.components(),
                component.path() == null || component.path().isBlank()
                    ? into
                    : nested(into, component.path()),
                taskVariables);
        case "dynamiclist" -> {
          var rows = new ArrayList<Map<String, Object>>();
          for (int i = 0; i < 2; i++) {
            var row = new LinkedHashMap<String, Object>();
            fill(component.components(), row, taskVariables);
            rows.add(row);
          }
          put(into, component.path(), rows);
        }
        default -> {
          if (component.isInput()) {
            put(into, component.key(), sample(component, taskVariables));
          }
        }
      }
    }
  }

  static Object sample(FormComponent field, Map<String, ?> taskVariables) {
    List<String> options = options(field, taskVariables);
    return switch (field.type()) {
      case "textfield" -> text(field, "O'Brien & <Partners> \"" + field.key() + "\"");
      case "textarea" -> text(field, "First line & <more>\n\nThird line of " + field.key());
      case "number" -> number(field);
      case "checkbox" -> true;
      case "radio", "select" -> options.getLast();
      case "checklist" -> options.subList(0, 2);
      case "taglist" -> options.isEmpty() ? List.of("alpha", "beta gamma") : options.subList(0, 2);
      case "datetime" ->
          switch (field.subtype()) {
            case "time" -> "09:30";
            case "datetime" -> "2026-03-02T09:30";
            default -> "2026-03-02";
          };
      default -> throw new IllegalArgumentException("No sample for " + field.type());
    };
  }

  private static String text(FormComponent field, String text) {
    if (field.pattern() != null) {
      for (String candidate : List.of("expert@example.nl", "ABC", "1234")) {
        if (Pattern.compile(field.pattern()).matcher(candidate).find()) {
          return candidate;
        }
      }
      throw new IllegalArgumentException("No sample matches " + field.pattern());
    }
    int max =
        field.maxLength() == null ? text.length() : Math.min(field.maxLength(), text.length());
    return text.substring(0, max);
  }

  /** Halfway between min and max, so that decimals come along where they are allowed. */
  private static Object number(FormComponent field) {
    BigDecimal min = field.min() == null ? BigDecimal.ONE : field.min();
    BigDecimal max = field.max() == null ? min.add(BigDecimal.TEN) : field.max();
    BigDecimal middle = min.add(max).divide(BigDecimal.TWO, 2, RoundingMode.HALF_UP);
    return middle.stripTrailingZeros().scale() <= 0 ? middle.intValue() : middle.doubleValue();
  }

  @SuppressWarnings("unchecked")
  private static List<String> options(FormComponent field, Map<String, ?> taskVariables) {
    if (field.hasStaticValues()) {
      return field.optionValues();
    }
    var options = new ArrayList<String>();
    if (taskVariables.get(field.valuesKey()) instanceof List<?> list) {
      for (Object option : list) {
        options.add(String.valueOf(((Map<String, Object>) option).get("value")));
      }
    }
    return options;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> nested(Map<String, Object> into, String dotted) {
    var current = into;
    for (String segment : dotted.split("\\.")) {
      current = (Map<String, Object>) current.computeIfAbsent(segment, s -> new LinkedHashMap<>());
    }
    return current;
  }

  private static void put(Map<String, Object> into, String dotted, Object value) {
    int dot = dotted.lastIndexOf('.');
    var parent = dot < 0 ? into : nested(into, dotted.substring(0, dot));
    parent.put(dotted.substring(dot + 1), value);
  }

  /**
   * The name of every input the page must hold for these values, in form order: one per input, per
   * row of a dynamic list (its items, or its default number of rows when it has none).
   */
  static List<String> inputNames(FormSchema form, Map<String, ?> values) {
    var names = new ArrayList<String>();
    collectNames(form.components(), values, "", names);
    return names;
  }

  private static void collectNames(
      List<FormComponent> components, Object scope, String prefix, List<String> names) {
    for (var component : components) {
      switch (component.type()) {
        case "group" -> {
          if (component.path() == null || component.path().isBlank()) {
            collectNames(component.components(), scope, prefix, names);
          } else {
            collectNames(
                component.components(),
                at(scope, component.path()),
                join(prefix, component.path()),
                names);
          }
        }
        case "dynamiclist" -> {
          String list = join(prefix, component.path());
          Object rows = at(scope, component.path());
          int count =
              rows instanceof List<?> items
                  ? items.size()
                  : component.defaultRepetitions() == null ? 0 : component.defaultRepetitions();
          for (int i = 0; i < count; i++) {
            Object row = rows instanceof List<?> items ? items.get(i) : Map.of();
            collectNames(component.components(), row, "%s[%d]".formatted(list, i), names);
          }
        }
        default -> {
          if (component.isInput()) {
            names.add(join(prefix, component.key()));
          }
        }
      }
    }
  }

  private static Object at(Object scope, String dotted) {
    Object current = scope;
    for (String segment : dotted.split("\\.")) {
      current = current instanceof Map<?, ?> map ? map.get(segment) : null;
    }
    return current;
  }

  private static String join(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  /** The values with every number as its plain decimal text, as a page posts numbers back. */
  static Object numbersAsText(Object value) {
    return switch (value) {
      case Map<?, ?> map -> {
        var copy = new LinkedHashMap<Object, Object>();
        map.forEach((k, v) -> copy.put(k, numbersAsText(v)));
        yield copy;
      }
      case List<?> list -> list.stream().map(FormSamples::numbersAsText).toList();
      case Number number -> new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
      case null -> null;
      default -> value;
    };
  }
}
