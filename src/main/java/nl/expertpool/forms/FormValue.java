package nl.expertpool.forms;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reading values out of a validated form submission. */
public final class FormValue {

  /** Times typed without an offset are local to the project's country. */
  public static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");

  private FormValue() {}

  /** A datetime field's value: ISO-8601 with an offset, or local time in {@link #LOCAL}. */
  public static Instant instant(Object value) {
    String text = String.valueOf(value);
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(text).atZone(LOCAL).toInstant();
    }
  }

  /** A dynamic list's items; anything that is not a list of objects gives no items. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> rows(Object value) {
    var rows = new ArrayList<Map<String, Object>>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> row) {
          rows.add((Map<String, Object>) row);
        }
      }
    }
    return rows;
  }

  /** A number field's value, also when it came as text. */
  public static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value));
  }

  /** A text field's value, stripped; null when empty. */
  public static String text(Object value) {
    if (value == null || String.valueOf(value).isBlank()) {
      return null;
    }
    return String.valueOf(value).strip();
  }

  /** A text field's value as given, or null: for ids and choices checked later. */
  public static String given(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  /** The non-blank lines of a text area, stripped. */
  public static List<String> lines(Object value) {
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(String.valueOf(value).split("\\R"))
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .toList();
  }

  /** A checklist's or tag list's values as text; anything that is not a list gives none. */
  public static List<String> strings(Object value) {
    var strings = new ArrayList<String>();
    if (value instanceof Collection<?> values) {
      for (Object v : values) {
        if (v != null) {
          strings.add(String.valueOf(v));
        }
      }
    }
    return strings;
  }

  /** A whole number, or null when the value is none (or too large to be a position). */
  public static Integer wholeNumber(Object value) {
    try {
      double number = number(value);
      return number == Math.rint(number) && Math.abs(number) < 1e6 ? (int) number : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
