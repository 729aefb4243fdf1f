package nl.expertpool.forms;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading values out of a validated form submission. */
public final class FormValues {

  /** Times typed without an offset are local to the project's country. */
  public static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");

  private FormValues() {}

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
}
