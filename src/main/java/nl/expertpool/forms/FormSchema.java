package nl.expertpool.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.expertpool.forms.SubmissionShape.Nested;
import nl.expertpool.forms.SubmissionShape.Repeated;
import nl.expertpool.forms.SubmissionShape.Slot;
import nl.expertpool.forms.SubmissionShape.Value;

/**
 * A Camunda form as the server reads it: what a task submission must look like, and which part of
 * it the workflow engine may see.
 *
 * @param id the form id, which equals the file name in {@code forms/}
 * @param components the top-level components, in form order
 */
public record FormSchema(String id, List<FormComponent> components) {

  /** The house rule: process variables hold ids, counts and flags, never free text. */
  private static final Set<String> ENGINE_TYPES = Set.of("select", "radio", "checkbox", "number");

  public FormSchema {
    Objects.requireNonNull(id, "id");
    components = List.copyOf(components);
    SubmissionShape.of(id, components); // refuses two components that bind the same name
  }

  /**
   * Reads form-js JSON as the Camunda Modeler writes it.
   *
   * @throws IllegalArgumentException naming the form and component when the JSON is no form or a
   *     component is of a type (or uses a feature) the server does not support
   */
  public static FormSchema parse(String json) {
    return FormJson.schema(FormJson.tree(json));
  }

  static FormSchema parse(JsonNode json) {
    return FormJson.schema(json);
  }

  /**
   * The components that hold a submission's values, with groups flattened: inputs, and dynamic
   * lists as a whole (their items' components stay inside them). Text and layout are left out.
   */
  public List<FormComponent> fields() {
    var fields = new ArrayList<FormComponent>();
    collectFields(components, fields);
    return List.copyOf(fields);
  }

  private static void collectFields(List<FormComponent> components, List<FormComponent> into) {
    for (var component : components) {
      if ("group".equals(component.type())) {
        collectFields(component.components(), into);
      } else if (component.isInput() || "dynamiclist".equals(component.type())) {
        into.add(component);
      }
    }
  }

  /** Every reason the submission breaks the form; empty when it keeps it. */
  public List<FieldError> validate(Map<String, Object> submission) {
    return validate(submission, Set.of());
  }

  /**
   * Every reason the submission breaks the form; empty when it keeps it. A name the form does not
   * bind is an error, so that nothing a user typed is silently dropped.
   *
   * @param allowedExtra top-level names that may come along although the form does not bind them
   *     (the task's inputs, sent back unchanged)
   */
  public List<FieldError> validate(Map<String, Object> submission, Set<String> allowedExtra) {
    var errors = new ArrayList<FieldError>();
    checkObject(SubmissionShape.of(id, components), submission, "", allowedExtra, errors);
    return List.copyOf(errors);
  }

  private static void checkObject(
      Map<String, Slot> slots,
      Map<?, ?> values,
      String prefix,
      Set<String> allowedExtra,
      List<FieldError> errors) {
    slots.forEach(
        (name, slot) -> {
          Object value = values.get(name);
          String path = prefix.isEmpty() ? name : prefix + "." + name;
          switch (slot) {
            case Value v -> FieldValidation.check(v.field(), value, path, errors);
            case Nested n -> {
              if (value == null) {
                checkObject(n.slots(), Map.of(), path, Set.of(), errors);
              } else if (value instanceof Map<?, ?> nested) {
                checkObject(n.slots(), nested, path, Set.of(), errors);
              } else {
                errors.add(FieldError.of(path, Reason.NOT_AN_OBJECT));
              }
            }
            case Repeated r -> checkItems(r, value, path, errors);
          }
        });
    for (Object key : values.keySet()) {
      String name = String.valueOf(key);
      if (!slots.containsKey(name) && !allowedExtra.contains(name)) {
        errors.add(
            FieldError.of(prefix.isEmpty() ? name : prefix + "." + name, Reason.NOT_A_FIELD));
      }
    }
  }

  /**
   * As {@link #validate(Map, Set)}, and checked against the task: fields whose options come from a
   * task variable ({@code valuesKey}) must choose among the options that variable holds for this
   * task, read-only fields must keep the task's values, and dynamic lists that do not allow adding
   * and removing rows must keep the task's rows.
   *
   * @param taskVariables the task's variables: where run-time options and read-only values come
   *     from
   */
  public List<FieldError> validate(
      Map<String, Object> submission, Set<String> allowedExtra, Map<String, ?> taskVariables) {
    var errors = new ArrayList<>(validate(submission, allowedExtra));
    checkRuntimeOptions(SubmissionShape.of(id, components), submission, "", taskVariables, errors);
    TaskValueGuard.check(SubmissionShape.of(id, components), submission, taskVariables, "", errors);
    return List.copyOf(errors);
  }

  /**
   * The submission with the read-only values it leaves out taken from the task: a client need not
   * send back what it may not change. Values it does send are left as they are, for {@link
   * #validate(Map, Set, Map)} to compare.
   */
  public Map<String, Object> withTaskValues(
      Map<String, Object> submission, Map<String, ?> taskVariables) {
    return Collections.unmodifiableMap(
        TaskValueGuard.fillReadOnly(SubmissionShape.of(id, components), submission, taskVariables));
  }

  private static void checkRuntimeOptions(
      Map<String, Slot> slots,
      Map<?, ?> values,
      String prefix,
      Map<String, ?> taskVariables,
      List<FieldError> errors) {
    slots.forEach(
        (name, slot) -> {
          Object value = values.get(name);
          String path = prefix.isEmpty() ? name : prefix + "." + name;
          switch (slot) {
            case Value v when v.field().valuesKey() != null && value != null -> {
              List<String> allowed = optionValues(taskVariables.get(v.field().valuesKey()));
              if (allowed != null) {
                FieldValidation.checkRuntimeOptions(value, path, allowed, errors);
              }
            }
            case Nested n when value instanceof Map<?, ?> nested ->
                checkRuntimeOptions(n.slots(), nested, path, taskVariables, errors);
            case Repeated r when value instanceof List<?> items -> {
              for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof Map<?, ?> item) {
                  checkRuntimeOptions(
                      r.item(), item, "%s[%d]".formatted(path, i), taskVariables, errors);
                }
              }
            }
            default -> {}
          }
        });
  }

  /** The values of options as form-js takes them: {@code [{label, value}]} or plain values. */
  private static List<String> optionValues(Object options) {
    if (!(options instanceof List<?> list)) {
      return null;
    }
    var values = new ArrayList<String>();
    for (Object option : list) {
      Object value = option instanceof Map<?, ?> map ? map.get("value") : option;
      if (value != null) {
        values.add(String.valueOf(value));
      }
    }
    return values;
  }

  /** A dynamic list the user left without items may come as nothing at all. */
  private static void checkItems(
      Repeated list, Object value, String path, List<FieldError> errors) {
    if (value == null) {
      return;
    }
    if (!(value instanceof List<?> items)) {
      errors.add(FieldError.of(path, Reason.NOT_A_LIST));
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      String itemPath = "%s[%d]".formatted(path, i);
      if (items.get(i) instanceof Map<?, ?> item) {
        checkObject(list.item(), item, itemPath, Set.of(), errors);
      } else {
        errors.add(FieldError.of(itemPath, Reason.NOT_AN_OBJECT));
      }
    }
  }

  /**
   * The part of a submission that may go into the workflow engine: the values of select, radio,
   * checkbox and number components outside dynamic lists that are not marked personal, nested as in
   * the submission. Everything else (free text, lists, personal answers) stays in the app's
   * database. A field submitted as null stays null, so that it overwrites the answer of an earlier
   * round; a field not submitted is left out.
   *
   * @throws IllegalArgumentException when one of those values breaks the form (validate first)
   */
  public Map<String, Object> engineVariables(Map<String, Object> submission) {
    return engineValues(SubmissionShape.of(id, components), submission, "");
  }

  private Map<String, Object> engineValues(
      Map<String, Slot> slots, Map<?, ?> values, String prefix) {
    var variables = new LinkedHashMap<String, Object>();
    slots.forEach(
        (name, slot) -> {
          if (!values.containsKey(name)) {
            return;
          }
          Object value = values.get(name);
          String path = prefix.isEmpty() ? name : prefix + "." + name;
          if (slot instanceof Value v
              && ENGINE_TYPES.contains(v.field().type())
              && !v.field().personal()) {
            var errors = new ArrayList<FieldError>();
            FieldValidation.check(v.field(), value, path, errors);
            if (!errors.isEmpty()) {
              throw new IllegalArgumentException(
                  "Form '%s': %s".formatted(id, errors.getFirst().message()));
            }
            variables.put(name, engineValue(v.field(), value));
          } else if (slot instanceof Nested n && value instanceof Map<?, ?> nested) {
            var inner = engineValues(n.slots(), nested, path);
            if (!inner.isEmpty()) {
              variables.put(name, inner);
            }
          }
        });
    return Collections.unmodifiableMap(variables);
  }

  /** Numbers typed as text become numbers, so that gateway conditions compare them as numbers. */
  private static Object engineValue(FormComponent field, Object value) {
    if (!"number".equals(field.type()) || !(value instanceof String)) {
      return FieldValidation.isEmpty(value) ? null : value;
    }
    BigDecimal number = FieldValidation.decimal(value);
    try {
      return number.longValueExact();
    } catch (ArithmeticException e) {
      return number;
    }
  }
}
