package nl.expertpool.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads form-js JSON into {@link FormSchema}. It refuses what the server cannot honour rather than
 * skip it: a form the server half understands would let a submission through that Tasklist would
 * refuse, or refuse one it would accept.
 */
final class FormJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private FormJson() {}

  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not a JSON form: " + e.getOriginalMessage(), e);
    }
  }

  static FormSchema schema(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("Not a form: the JSON is not an object");
    }
    String id = text(root, "id");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("Form has no id");
    }
    if (!root.path("components").isArray()) {
      throw new IllegalArgumentException("Form '%s' has no components list".formatted(id));
    }
    return new FormSchema(id, components(id, root.path("components")));
  }

  private static List<FormComponent> components(String formId, JsonNode array) {
    var components = new ArrayList<FormComponent>();
    for (JsonNode node : array) {
      components.add(component(formId, node));
    }
    return components;
  }

  private static FormComponent component(String formId, JsonNode node) {
    String type = text(node, "type");
    String id = text(node, "id");
    var where = new Where(formId, id, type);
    if (!FormComponent.SUPPORTED_TYPES.contains(type)) {
      throw where.problem(
          "is of a type the server does not support (supported: %s)"
              .formatted(String.join(", ", FormComponent.SUPPORTED_TYPES)));
    }
    // Tasklist evaluates these FEEL expressions in the browser; the server cannot, so it would
    // validate fields the user never saw or accept choices the expression would not offer.
    if (node.hasNonNull("conditional")) {
      throw where.problem("has a hide condition, which the server cannot evaluate");
    }
    if (node.hasNonNull("valuesExpression")) {
      throw where.problem("takes its options from an expression, which the server cannot evaluate");
    }
    String key = text(node, "key");
    if (FormComponent.INPUT_TYPES.contains(type) && (key == null || key.isBlank())) {
      throw where.problem("has no key");
    }
    String path = text(node, "path");
    if ("dynamiclist".equals(type) && (path == null || path.isBlank())) {
      throw where.problem("has no path for its items");
    }
    JsonNode validate = node.path("validate");
    String pattern = text(validate, "pattern");
    if (pattern != null) {
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        throw where.problem("has an invalid pattern: " + e.getDescription());
      }
    }
    String subtype = text(node, "subtype");
    if ("datetime".equals(type)) {
      subtype = subtype == null ? "date" : subtype;
      if (!List.of("date", "time", "datetime").contains(subtype)) {
        throw where.problem("has subtype '%s', not date, time or datetime".formatted(subtype));
      }
    }
    return new FormComponent(
        id,
        type,
        key,
        text(node, "label"),
        text(node, "description"),
        text(node, "placeholder"),
        path,
        validate.path("required").asBoolean(false),
        decimal(validate, "min", where),
        decimal(validate, "max", where),
        integer(validate, "minLength", where),
        integer(validate, "maxLength", where),
        pattern,
        // An expression here makes the field read-only only sometimes; read-only is advice to
        // the renderer anyway, since the server accepts read-only values unchanged.
        node.path("readonly").isBoolean() && node.path("readonly").booleanValue(),
        options(node.path("values")),
        text(node, "valuesKey"),
        node.hasNonNull("defaultValue")
            ? MAPPER.convertValue(node.get("defaultValue"), Object.class)
            : null,
        text(node, "text"),
        subtype,
        text(node, "dateLabel"),
        text(node, "timeLabel"),
        components(formId, node.path("components")),
        node.path("allowAddRemove").asBoolean(false),
        node.path("defaultRepetitions").isIntegralNumber()
            ? node.get("defaultRepetitions").intValue()
            : null,
        "true".equals(node.path("properties").path("personal").asText()));
  }

  private static List<FormComponent.Option> options(JsonNode values) {
    var options = new ArrayList<FormComponent.Option>();
    for (JsonNode value : values) {
      options.add(new FormComponent.Option(text(value, "label"), text(value, "value")));
    }
    return options;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** form-js allows a number or a string here; a string that is no number is an expression. */
  private static BigDecimal decimal(JsonNode validate, String field, Where where) {
    JsonNode value = validate.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    try {
      return new BigDecimal(value.asText().strip());
    } catch (NumberFormatException e) {
      throw where.problem(
          "has validate.%s '%s', which is not a number".formatted(field, value.asText()));
    }
  }

  private static Integer integer(JsonNode validate, String field, Where where) {
    BigDecimal value = decimal(validate, field, where);
    if (value == null) {
      return null;
    }
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      throw where.problem(
          "has validate.%s %s, which is not a whole number".formatted(field, value));
    }
  }

  private record Where(String formId, String componentId, String type) {

    IllegalArgumentException problem(String what) {
      return new IllegalArgumentException(
          "Form '%s': component %s (%s) %s".formatted(formId, componentId, type, what));
    }
  }
}
