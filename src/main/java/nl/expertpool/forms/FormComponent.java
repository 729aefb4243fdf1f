package nl.expertpool.forms;

import java.math.BigDecimal;
import java.util.List;

/**
 * One component of a Camunda form, with the form-js properties the server reads. Validation
 * properties come from form-js's {@code validate} object; absent ones are null (or false).
 *
 * @param id the component id the Modeler assigns, like {@code Field_overdueDecision}
 * @param type the form-js type, one of {@link #SUPPORTED_TYPES}
 * @param key the variable the input binds (may be dotted), null for text, layout and containers
 * @param placeholder the hint an empty text, text area or number input shows
 * @param path where a group nests its values or where a dynamic list keeps its items; null or empty
 *     for a group that nests nothing
 * @param values the static options of a select, radio, checklist or taglist
 * @param valuesKey the input variable that supplies the options instead, or null
 * @param defaultValue as in the JSON: a String, Boolean, Number or List, or null
 * @param text the markdown of a text component
 * @param subtype for datetime: {@code date}, {@code time} or {@code datetime}
 * @param components the children of a group or dynamic list
 * @param personal marked with the custom property {@code personal: "true"} in the Modeler: the
 *     value describes a person and never goes into the engine, whatever its type
 */
public record FormComponent(
    String id,
    String type,
    String key,
    String label,
    String description,
    String placeholder,
    String path,
    boolean required,
    BigDecimal min,
    BigDecimal max,
    Integer minLength,
    Integer maxLength,
    String pattern,
    boolean readonly,
    List<Option> values,
    String valuesKey,
    Object defaultValue,
    String text,
    String subtype,
    String dateLabel,
    String timeLabel,
    List<FormComponent> components,
    boolean allowAddRemove,
    Integer defaultRepetitions,
    boolean personal) {

  /** The form-js types the server understands; a form with any other type does not load. */
  public static final List<String> SUPPORTED_TYPES =
      List.of(
          "textfield",
          "textarea",
          "number",
          "checkbox",
          "checklist",
          "radio",
          "select",
          "taglist",
          "datetime",
          "text",
          "separator",
          "spacer",
          "group",
          "dynamiclist");

  static final List<String> INPUT_TYPES =
      List.of(
          "textfield",
          "textarea",
          "number",
          "checkbox",
          "checklist",
          "radio",
          "select",
          "taglist",
          "datetime");

  /** One choice of a select, radio, checklist or taglist. */
  public record Option(String label, String value) {}

  public FormComponent {
    values = values == null ? List.of() : List.copyOf(values);
    components = components == null ? List.of() : List.copyOf(components);
  }

  /** Whether the component binds a value of its own (as opposed to text, layout or containers). */
  public boolean isInput() {
    return INPUT_TYPES.contains(type);
  }

  /** Whether the options are the fixed {@link #values()} rather than supplied at run time. */
  public boolean hasStaticValues() {
    return valuesKey == null;
  }

  /**
   * The component with other wording, the same otherwise: what a page in another language shows.
   */
  FormComponent withTexts(
      String label,
      String description,
      String placeholder,
      String text,
      String dateLabel,
      String timeLabel,
      List<Option> values,
      List<FormComponent> components) {
    return new FormComponent(
        id,
        type,
        key,
        label,
        description,
        placeholder,
        path,
        required,
        min,
        max,
        minLength,
        maxLength,
        pattern,
        readonly,
        values,
        valuesKey,
        defaultValue,
        text,
        subtype,
        dateLabel,
        timeLabel,
        components,
        allowAddRemove,
        defaultRepetitions,
        personal);
  }

  /** The option values, in order: what a submission may choose from when they are static. */
  public List<String> optionValues() {
    return values.stream().map(Option::value).toList();
  }
}
