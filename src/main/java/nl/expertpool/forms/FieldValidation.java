package nl.expertpool.forms;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The rules for one submitted value of one input component. */
final class FieldValidation {

  private FieldValidation() {}

  static void check(FormComponent field, Object value, String path, List<FieldError> errors) {
    if (isEmpty(value)) {
      if (field.required()) {
        errors.add(FieldError.of(path, Reason.REQUIRED));
      }
      return;
    }
    switch (field.type()) {
      case "textfield", "textarea" -> text(field, value, path, errors);
      case "number" -> number(field, value, path, errors);
      case "checkbox" -> checkbox(field, value, path, errors);
      case "radio", "select" -> choice(field, value, path, errors);
      case "checklist", "taglist" -> choices(field, value, path, errors);
      case "datetime" -> datetime(field, value, path, errors);
      default -> throw new IllegalStateException("Not an input: " + field.type());
    }
  }

  /** What form-js sends for a field left alone: nothing, an empty text or an empty list. */
  static boolean isEmpty(Object value) {
    return value == null
        || value instanceof String text && text.isBlank()
        || value instanceof List<?> list && list.isEmpty();
  }

  /** The number a value stands for, or null when it is none (JSON numbers and numeric text). */
  static BigDecimal decimal(Object value) {
    return switch (value) {
      case BigDecimal decimal -> decimal;
      case BigInteger integer -> new BigDecimal(integer);
      case Double d when d.isNaN() || d.isInfinite() -> null;
      case Float f when f.isNaN() || f.isInfinite() -> null;
      case Double d -> BigDecimal.valueOf(d);
      case Float f -> new BigDecimal(f.toString());
      case Number n -> BigDecimal.valueOf(n.longValue());
      case String s -> {
        try {
          yield new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
          yield null;
        }
      }
      default -> null;
    };
  }

  private static void text(
      FormComponent field, Object value, String path, List<FieldError> errors) {
    if (!(value instanceof String text)) {
      errors.add(FieldError.of(path, Reason.NOT_TEXT));
      return;
    }
    if (text.indexOf('\0') >= 0) {
      // PostgreSQL cannot store it; nobody types it.
      errors.add(FieldError.of(path, Reason.NUL_CHARACTER));
      return;
    }
    if (field.minLength() != null && text.length() < field.minLength()) {
      errors.add(FieldError.of(path, Reason.TOO_SHORT, field.minLength()));
    }
    if (field.maxLength() != null && text.length() > field.maxLength()) {
      errors.add(FieldError.of(path, Reason.TOO_LONG, field.maxLength()));
    }
    // find(), not matches(): form-js tests the pattern with RegExp.test, which is unanchored.
    if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(text).find()) {
      errors.add(FieldError.of(path, Reason.NO_MATCH, field.pattern()));
    }
  }

  private static void number(
      FormComponent field, Object value, String path, List<FieldError> errors) {
    BigDecimal number = value instanceof Boolean ? null : decimal(value);
    if (number == null) {
      errors.add(FieldError.of(path, Reason.NOT_A_NUMBER));
      return;
    }
    if (field.min() != null && number.compareTo(field.min()) < 0) {
      errors.add(FieldError.of(path, Reason.BELOW_MIN, plain(field.min())));
    }
    if (field.max() != null && number.compareTo(field.max()) > 0) {
      errors.add(FieldError.of(path, Reason.ABOVE_MAX, plain(field.max())));
    }
  }

  private static void checkbox(
      FormComponent field, Object value, String path, List<FieldError> errors) {
    if (!(value instanceof Boolean checked)) {
      errors.add(FieldError.of(path, Reason.NOT_TRUE_OR_FALSE));
    } else if (field.required() && !checked) {
      errors.add(FieldError.of(path, Reason.REQUIRED));
    }
  }

  private static void choice(
      FormComponent field, Object value, String path, List<FieldError> errors) {
    if (field.hasStaticValues()) {
      if (!(value instanceof String text) || !field.optionValues().contains(text)) {
        errors.add(oneOf(path, field.optionValues()));
      }
    } else if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
      errors.add(FieldError.of(path, Reason.NOT_A_SINGLE_VALUE));
    }
  }

  private static void choices(
      FormComponent field, Object value, String path, List<FieldError> errors) {
    if (!(value instanceof List<?> list)) {
      errors.add(FieldError.of(path, Reason.NOT_A_LIST));
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String itemPath = "%s[%d]".formatted(path, i);
      if (!(list.get(i) instanceof String item)) {
        errors.add(FieldError.of(itemPath, Reason.NOT_TEXT));
      } else if (field.hasStaticValues() && !field.optionValues().contains(item)) {
        errors.add(oneOf(itemPath, field.optionValues()));
      }
    }
  }

  private static void datetime(
      FormComponent field, Object value, String path, List<FieldError> errors) {
    String text = value instanceof String s ? s.strip() : null;
    // form-js writes times and date-times with an offset, with Z or without a zone, depending on
    // the component's time format; all three are the user's answer.
    boolean valid =
        switch (field.subtype()) {
          case "time" -> parses(text, LocalTime::parse) || parses(text, OffsetTime::parse);
          case "datetime" ->
              parses(text, LocalDateTime::parse) || parses(text, OffsetDateTime::parse);
          default -> parses(text, LocalDate::parse);
        };
    if (!valid) {
      errors.add(
          FieldError.of(
              path,
              switch (field.subtype()) {
                case "time" -> Reason.NOT_A_TIME;
                case "datetime" -> Reason.NOT_A_DATE_AND_TIME;
                default -> Reason.NOT_A_DATE;
              }));
    }
  }

  private static boolean parses(String text, Function<String, ?> parser) {
    if (text == null) {
      return false;
    }
    try {
      parser.apply(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** A choice (or each of several) among options known only at run time. */
  static void checkRuntimeOptions(
      Object value, String path, List<String> allowed, List<FieldError> errors) {
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) != null && !allowed.contains(String.valueOf(list.get(i)))) {
          errors.add(oneOf("%s[%d]".formatted(path, i), allowed));
        }
      }
    } else if (!isEmpty(value) && !allowed.contains(String.valueOf(value))) {
      errors.add(oneOf(path, allowed));
    }
  }

  private static FieldError oneOf(String path, List<String> allowed) {
    return FieldError.of(path, Reason.NOT_AN_OPTION, String.join(", ", allowed));
  }

  private static String plain(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString();
  }
}
