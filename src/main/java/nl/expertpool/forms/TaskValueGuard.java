package nl.expertpool.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.expertpool.forms.SubmissionShape.Nested;
import nl.expertpool.forms.SubmissionShape.Repeated;
import nl.expertpool.forms.SubmissionShape.Slot;
import nl.expertpool.forms.SubmissionShape.Value;

/**
 * What a submission may not change of the task it completes: a read-only field keeps the value the
 * task gave it (an id, a label, the action experts rate), and a dynamic list that does not allow
 * adding and removing rows keeps the task's rows, one for one. Otherwise a submission could carry
 * another project's expert into an attendance list, or decide on a candidate the task never listed.
 */
final class TaskValueGuard {

  private TaskValueGuard() {}

  /**
   * The submission with every read-only value it leaves out taken from the task, so that an API
   * client need not send back what it cannot change.
   */
  static Map<String, Object> fillReadOnly(
      Map<String, Slot> slots, Map<?, ?> submitted, Map<?, ?> task) {
    var filled = new LinkedHashMap<String, Object>();
    submitted.forEach((key, value) -> filled.put(String.valueOf(key), value));
    slots.forEach(
        (name, slot) -> {
          Object value = submitted.get(name);
          Object given = task == null ? null : task.get(name);
          switch (slot) {
            case Value v
                when v.field().readonly() && !submitted.containsKey(name) && given != null ->
                filled.put(name, given);
            case Nested n when value instanceof Map<?, ?> nested ->
                filled.put(name, fillReadOnly(n.slots(), nested, asMap(given)));
            case Repeated r
                when value instanceof List<?> rows && given instanceof List<?> taskRows -> {
              var items = new ArrayList<Object>();
              for (int i = 0; i < rows.size(); i++) {
                Object row = rows.get(i);
                items.add(
                    row instanceof Map<?, ?> item && i < taskRows.size()
                        ? fillReadOnly(r.item(), item, asMap(taskRows.get(i)))
                        : row);
              }
              filled.put(name, items);
            }
            default -> {}
          }
        });
    return filled;
  }

  /** Every read-only value the submission changed and every list whose rows it changed. */
  static void check(
      Map<String, Slot> slots,
      Map<?, ?> submitted,
      Map<?, ?> task,
      String prefix,
      List<FieldError> errors) {
    slots.forEach(
        (name, slot) -> {
          Object value = submitted.get(name);
          Object given = task == null ? null : task.get(name);
          String path = prefix.isEmpty() ? name : prefix + "." + name;
          switch (slot) {
            case Value v when v.field().readonly() -> {
              if (!same(v.field(), value, given)) {
                errors.add(FieldError.of(path, Reason.READ_ONLY));
              }
            }
            case Value v -> {}
            case Nested n -> check(n.slots(), asMap(value), asMap(given), path, errors);
            case Repeated r -> rows(r, value, given, path, errors);
          }
        });
  }

  private static void rows(
      Repeated list, Object value, Object given, String path, List<FieldError> errors) {
    List<?> rows = value instanceof List<?> submittedRows ? submittedRows : List.of();
    List<?> taskRows = given instanceof List<?> listed ? listed : null;
    if (!list.list().allowAddRemove()) {
      int expected = taskRows != null ? taskRows.size() : defaultRows(list.list());
      if (rows.size() != expected) {
        errors.add(FieldError.of(path, Reason.ROWS_FIXED, expected));
        return;
      }
    }
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i) instanceof Map<?, ?> row) {
        Map<?, ?> taskRow = taskRows != null && i < taskRows.size() ? asMap(taskRows.get(i)) : null;
        check(list.item(), row, taskRow, "%s[%d]".formatted(path, i), errors);
      }
    }
  }

  private static int defaultRows(FormComponent list) {
    return list.defaultRepetitions() == null ? 0 : Math.max(0, list.defaultRepetitions());
  }

  /** Equal as the form means them: text as typed or as a number, an unticked box as no value. */
  static boolean same(FormComponent field, Object submitted, Object given) {
    Object a = normal(field, submitted);
    Object b = normal(field, given);
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return Objects.equals(a, b);
  }

  private static Object normal(FormComponent field, Object value) {
    if ("checkbox".equals(field.type())) {
      return Boolean.TRUE.equals(value) || "true".equals(value);
    }
    if (FieldValidation.isEmpty(value)) {
      return null;
    }
    if ("number".equals(field.type())) {
      BigDecimal number = FieldValidation.decimal(value);
      if (number != null) {
        return number;
      }
    }
    if (value instanceof List<?> list) {
      return list.stream().map(item -> normal(field, item)).toList();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    return value instanceof String text ? text.replace("\r\n", "\n") : value;
  }

  private static Map<?, ?> asMap(Object value) {
    return value instanceof Map<?, ?> map ? map : Map.of();
  }
}
