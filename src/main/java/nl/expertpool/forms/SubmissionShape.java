package nl.expertpool.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of the data a form binds: which names a submission holds at each level, and whether
 * each is a value, a nested object (a group with a path, or a dotted key) or a list of items (a
 * dynamic list). Text, layout and groups without a path add nothing of their own.
 */
final class SubmissionShape {

  sealed interface Slot permits Value, Nested, Repeated {}

  record Value(FormComponent field) implements Slot {}

  record Nested(Map<String, Slot> slots) implements Slot {}

  record Repeated(FormComponent list, Map<String, Slot> item) implements Slot {}

  private SubmissionShape() {}

  /** The top level of the form's data, in form order. */
  static Map<String, Slot> of(String formId, List<FormComponent> components) {
    var top = new LinkedHashMap<String, Slot>();
    add(formId, top, components);
    return top;
  }

  private static void add(String formId, Map<String, Slot> into, List<FormComponent> components) {
    for (var component : components) {
      if (component.isInput()) {
        List<String> segments = segments(component.key());
        var parent = nested(formId, into, segments.subList(0, segments.size() - 1), component);
        claim(formId, parent, segments.getLast(), new Value(component), component);
      } else if ("group".equals(component.type())) {
        var target =
            component.path() == null || component.path().isBlank()
                ? into
                : nested(formId, into, segments(component.path()), component);
        add(formId, target, component.components());
      } else if ("dynamiclist".equals(component.type())) {
        List<String> segments = segments(component.path());
        var parent = nested(formId, into, segments.subList(0, segments.size() - 1), component);
        var item = new LinkedHashMap<String, Slot>();
        claim(formId, parent, segments.getLast(), new Repeated(component, item), component);
        add(formId, item, component.components());
      }
    }
  }

  private static List<String> segments(String dotted) {
    return List.of(dotted.split("\\."));
  }

  /** Groups may share a path (their values merge into one object); values may not. */
  private static Map<String, Slot> nested(
      String formId, Map<String, Slot> into, List<String> segments, FormComponent by) {
    var current = into;
    for (String segment : segments) {
      Slot slot = current.computeIfAbsent(segment, s -> new Nested(new LinkedHashMap<>()));
      if (!(slot instanceof Nested nested)) {
        throw clash(formId, segment, by);
      }
      current = nested.slots();
    }
    return current;
  }

  private static void claim(
      String formId, Map<String, Slot> parent, String name, Slot slot, FormComponent by) {
    if (parent.putIfAbsent(name, slot) != null) {
      throw clash(formId, name, by);
    }
  }

  private static IllegalArgumentException clash(String formId, String name, FormComponent by) {
    return new IllegalArgumentException(
        "Form '%s': component %s (%s) binds '%s', which another component binds already"
            .formatted(formId, by.id(), by.type(), name));
  }
}
