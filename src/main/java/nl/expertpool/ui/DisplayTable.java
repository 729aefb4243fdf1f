package nl.expertpool.ui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What the app shows beside a task's form (e.g. the applicants behind the pseudonyms), as tables: a
 * map of rows becomes one table with a column per key; anything else one row.
 */
record DisplayTable(String title, List<String> columns, List<List<String>> rows) {

  static List<DisplayTable> of(Map<String, Object> display) {
    var tables = new ArrayList<DisplayTable>();
    display.forEach(
        (title, value) -> {
          if (value instanceof Map<?, ?> rows
              && rows.values().stream().allMatch(Map.class::isInstance)) {
            var columns = new LinkedHashSet<String>();
            rows.values()
                .forEach(
                    row -> ((Map<?, ?>) row).keySet().forEach(k -> columns.add(String.valueOf(k))));
            var table = new ArrayList<List<String>>();
            for (Object row : rows.values()) {
              var cells = new ArrayList<String>();
              for (String column : columns) {
                Object cell = ((Map<?, ?>) row).get(column);
                cells.add(
                    cell == null
                        ? ""
                        : cell instanceof List<?> list
                            ? String.join(", ", list.stream().map(String::valueOf).toList())
                            : cell(cell));
              }
              table.add(cells);
            }
            tables.add(new DisplayTable(title, List.copyOf(columns), table));
          } else if (value instanceof Map<?, ?> map) {
            var table = new ArrayList<List<String>>();
            map.forEach((k, v) -> table.add(List.of(String.valueOf(k), String.valueOf(v))));
            tables.add(new DisplayTable(title, List.of("", ""), table));
          }
        });
    return tables;
  }

  private static final java.time.format.DateTimeFormatter WHEN =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT)
          .withZone(java.time.ZoneId.of("Europe/Amsterdam"));

  /** A cell as people read it: a moment (the app's Instants) in Dutch time, to the minute. */
  private static String cell(Object value) {
    if (value instanceof java.time.Instant instant) {
      return WHEN.format(instant);
    }
    String text = String.valueOf(value);
    if (text.length() >= 20 && text.charAt(10) == 'T' && text.endsWith("Z")) {
      try {
        return WHEN.format(java.time.Instant.parse(text));
      } catch (java.time.format.DateTimeParseException notAMoment) {
        return text;
      }
    }
    return text;
  }
}
