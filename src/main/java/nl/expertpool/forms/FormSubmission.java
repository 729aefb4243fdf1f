package nl.expertpool.forms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.expertpool.forms.SubmissionShape.Nested;
import nl.expertpool.forms.SubmissionShape.Repeated;
import nl.expertpool.forms.SubmissionShape.Slot;
import nl.expertpool.forms.SubmissionShape.Value;

/**
 * Reads a task page that {@link FormHtml} rendered, as the browser posts it, back into the
 * submission the REST API receives, so that {@link FormSchema#validate} checks both alike; and
 * applies the page's "Add row" and "Remove" buttons.
 *
 * <p>A field on the page comes back even when left empty: empty text, number, date, select and
 * radio as null, an unticked checkbox as false, a checklist with nothing ticked as an empty list, a
 * dynamic list without rows as an empty list. That is what form-js submits, and a null overwrites
 * the answer of an earlier round in {@link FormSchema#engineVariables}. Numbers stay the text
 * typed; the validator reads numeric text and {@code engineVariables} converts it.
 */
public final class FormSubmission {

  /** The "Add row" button; its value is the path of the dynamic list, like {@code sessions}. */
  public static final String ADD = "_add";

  /** The "Remove" button; its value is the path of the row, like {@code sessions[1]}. */
  public static final String REMOVE = "_remove";

  /** Spring Security's token, posted with every page. */
  public static final String CSRF = "_csrf";

  private static final Set<String> NOT_FIELDS = Set.of(CSRF, ADD, REMOVE, FieldHtml.PRESENT);

  private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)(?:\\[(\\d{1,9})])?");

  private FormSubmission() {}

  /**
   * The submission the posted page stands for, nested as the form binds its values: group paths and
   * dotted keys as objects, dynamic lists as lists of objects in row order. Parameters the form
   * does not bind stay at the top level under their own name, so that the validator reports them
   * rather than they vanish.
   *
   * @param parameters the posted parameters, each name with its values in page order
   */
  public static Map<String, Object> read(FormSchema form, Map<String, List<String>> parameters) {
    var posted = new Posted(parameters);
    var submission = posted.object(SubmissionShape.of(form.id(), form.components()), "");
    submission.putAll(posted.unread());
    return Collections.unmodifiableMap(submission);
  }

  /** Whether the page was posted with "Add row" or "Remove" rather than to complete the task. */
  public static boolean changesRows(Map<String, List<String>> parameters) {
    return first(parameters, ADD) != null || first(parameters, REMOVE) != null;
  }

  /**
   * The values with the row the page's button asked for added or removed; the values themselves
   * when no such button was pressed.
   *
   * @throws IllegalArgumentException when the button names no dynamic list of the form that allows
   *     adding and removing rows, or no row of it
   */
  public static Map<String, Object> changeRows(
      FormSchema form, Map<String, Object> values, Map<String, List<String>> parameters) {
    String list = first(parameters, ADD);
    if (list != null) {
      return addRow(form, values, list);
    }
    String row = first(parameters, REMOVE);
    return row == null ? values : removeRow(form, values, row);
  }

  /**
   * The values with an empty row appended to a dynamic list; the page shows its fields' defaults.
   *
   * @param list the list's path, like {@code sessions} or {@code address.visits}
   * @throws IllegalArgumentException when that is no dynamic list of the form that allows adding
   *     rows
   */
  public static Map<String, Object> addRow(
      FormSchema form, Map<String, Object> values, String list) {
    List<Step> steps = steps(form, list);
    return change(form, values, steps, list, rows -> rows.add(Map.of()));
  }

  /**
   * The values without one row of a dynamic list; the rows after it move up.
   *
   * @param row the row's path, like {@code sessions[1]}
   * @throws IllegalArgumentException when that is no row of a dynamic list of the form that allows
   *     removing rows
   */
  public static Map<String, Object> removeRow(
      FormSchema form, Map<String, Object> values, String row) {
    List<Step> steps = new ArrayList<>(steps(form, row));
    Step last = steps.removeLast();
    if (last.index() == null) {
      throw noList(form, row);
    }
    steps.add(new Step(last.name(), null));
    int index = last.index();
    return change(
        form,
        values,
        steps,
        row,
        rows -> {
          if (index >= rows.size()) {
            throw noList(form, row);
          }
          rows.remove(index);
        });
  }

  private static Map<String, Object> change(
      FormSchema form,
      Map<String, Object> values,
      List<Step> steps,
      String target,
      Consumer<List<Object>> change) {
    return Collections.unmodifiableMap(
        change(
            form, SubmissionShape.of(form.id(), form.components()), values, steps, target, change));
  }

  /** A copy of the values with the change made to the list the steps lead to. */
  private static Map<String, Object> change(
      FormSchema form,
      Map<String, Slot> slots,
      Object values,
      List<Step> steps,
      String target,
      Consumer<List<Object>> change) {
    var copy = new LinkedHashMap<String, Object>();
    if (values instanceof Map<?, ?> map) {
      map.forEach((key, value) -> copy.put(String.valueOf(key), value));
    }
    Step step = steps.getFirst();
    List<Step> rest = steps.subList(1, steps.size());
    Object current = copy.get(step.name());
    switch (slots.get(step.name())) {
      case Repeated r when rest.isEmpty() && step.index() == null && r.list().allowAddRemove() -> {
        var rows = rows(r.list(), current);
        change.accept(rows);
        copy.put(step.name(), rows);
      }
      case Repeated r when !rest.isEmpty() && step.index() != null -> {
        var rows = rows(r.list(), current);
        if (step.index() >= rows.size()) {
          throw noList(form, target);
        }
        rows.set(
            step.index(), change(form, r.item(), rows.get(step.index()), rest, target, change));
        copy.put(step.name(), rows);
      }
      case Nested n when !rest.isEmpty() && step.index() == null ->
          copy.put(step.name(), change(form, n.slots(), current, rest, target, change));
      case null, default -> throw noList(form, target);
    }
    return copy;
  }

  /** The rows as the page shows them: a list without items has its default number of rows. */
  private static List<Object> rows(FormComponent list, Object value) {
    if (value instanceof List<?> items) {
      return new ArrayList<>(items);
    }
    int repetitions = list.defaultRepetitions() == null ? 0 : list.defaultRepetitions();
    return new ArrayList<>(Collections.nCopies(Math.max(0, repetitions), Map.of()));
  }

  private record Step(String name, Integer index) {}

  private static List<Step> steps(FormSchema form, String path) {
    var steps = new ArrayList<Step>();
    for (String segment : (path == null ? "" : path).split("\\.", -1)) {
      Matcher matcher = STEP.matcher(segment);
      if (!matcher.matches()) {
        throw noList(form, path);
      }
      steps.add(
          new Step(
              matcher.group(1),
              matcher.group(2) == null ? null : Integer.valueOf(matcher.group(2))));
    }
    return steps;
  }

  private static IllegalArgumentException noList(FormSchema form, String path) {
    return new IllegalArgumentException(
        "Form '%s' has no row or dynamic list '%s' that allows adding and removing rows"
            .formatted(form.id(), path));
  }

  private static String first(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  private static String join(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  /** The posted parameters, and which of them the form has read. */
  private static final class Posted {

    private final Map<String, List<String>> parameters;
    private final Set<String> present;
    private final Set<String> read = new HashSet<>();

    Posted(Map<String, List<String>> parameters) {
      this.parameters = parameters;
      this.present = new HashSet<>(parameters.getOrDefault(FieldHtml.PRESENT, List.of()));
    }

    Map<String, Object> object(Map<String, Slot> slots, String prefix) {
      var values = new LinkedHashMap<String, Object>();
      slots.forEach(
          (name, slot) -> {
            String path = join(prefix, name);
            switch (slot) {
              case Value v -> {
                if (parameters.containsKey(path) || present.contains(path)) {
                  values.put(name, value(v.field(), path));
                }
              }
              case Nested n -> {
                var nested = object(n.slots(), path);
                if (!nested.isEmpty()) {
                  values.put(name, nested);
                }
              }
              case Repeated r -> {
                var rows = rows(r, path);
                if (rows != null) {
                  values.put(name, rows);
                }
              }
            }
          });
      return values;
    }

    private Object value(FormComponent field, String path) {
      read.add(path);
      List<String> posted = parameters.getOrDefault(path, List.of());
      return switch (field.type()) {
        case "checkbox" -> posted.isEmpty() ? Boolean.FALSE : checkbox(posted);
        case "checklist" -> List.copyOf(posted);
        // Without options a taglist is one text input of comma-separated tags, with no marker.
        case "taglist" -> present.contains(path) ? List.copyOf(posted) : tags(posted);
        default -> single(posted);
      };
    }

    private static Object checkbox(List<String> posted) {
      return posted.equals(List.of("true")) ? Boolean.TRUE : single(posted);
    }

    private static List<String> tags(List<String> posted) {
      var tags = new ArrayList<String>();
      for (String text : posted) {
        for (String tag : text.split(",")) {
          if (!tag.isBlank()) {
            tags.add(tag.strip());
          }
        }
      }
      return List.copyOf(tags);
    }

    /** One value; a name posted twice stays a list, which the validator refuses. */
    private static Object single(List<String> posted) {
      if (posted.size() > 1) {
        return posted.stream().map(Posted::text).toList();
      }
      return posted.isEmpty() ? null : text(posted.getFirst());
    }

    /** Browsers post line breaks as CRLF; form-js, and so the API, has LF. */
    private static String text(String posted) {
      String text = posted == null ? null : posted.replace("\r\n", "\n");
      return FieldValidation.isEmpty(text) ? null : text;
    }

    /** The rows in index order, or null when the list was not on the page. */
    private List<Map<String, Object>> rows(Repeated list, String path) {
      Pattern row = Pattern.compile(Pattern.quote(path) + "\\[(\\d{1,9})](?=$|[.\\[])");
      var indexes = new TreeSet<Integer>();
      for (String name : parameters.keySet()) {
        addIndex(row, name, indexes);
      }
      for (String name : present) {
        addIndex(row, name, indexes);
      }
      if (indexes.isEmpty() && !present.contains(path)) {
        return null;
      }
      var rows = new ArrayList<Map<String, Object>>();
      for (int index : indexes) {
        rows.add(object(list.item(), "%s[%d]".formatted(path, index)));
      }
      return rows;
    }

    private static void addIndex(Pattern row, String name, Set<Integer> indexes) {
      Matcher matcher = row.matcher(name);
      if (matcher.lookingAt()) {
        indexes.add(Integer.valueOf(matcher.group(1)));
      }
    }

    /** The parameters no field read, by name: one value as text, several as a list. */
    Map<String, Object> unread() {
      var unread = new LinkedHashMap<String, Object>();
      parameters.forEach(
          (name, values) -> {
            if (!read.contains(name) && !NOT_FIELDS.contains(name)) {
              unread.put(name, values.size() == 1 ? values.getFirst() : List.copyOf(values));
            }
          });
      return unread;
    }
  }
}
