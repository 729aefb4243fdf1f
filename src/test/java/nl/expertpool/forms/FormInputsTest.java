package nl.expertpool.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every record a submission becomes ({@link FormInput}) reads only keys its form has: each mapping
 * runs on a sample submission of its form that notes the keys read, and each of those must be a
 * field of the form. A renamed form key fails here, not in a running project.
 */
class FormInputsTest {

  @TestFactory
  Stream<DynamicTest> everyKeyAMappingReadsIsAFieldOfItsForm() {
    return mappings().stream()
        .map(
            type ->
                DynamicTest.dynamicTest(
                    type.getSimpleName() + " reads " + formOf(type),
                    () -> {
                      Set<String> read = new TreeSet<>();
                      Throwable failure = map(type, read);
                      assertThat(read)
                          .as("keys %s reads that form %s does not have", type, formOf(type))
                          .isNotEmpty()
                          .isSubsetOf(fieldPaths(schema(formOf(type))));
                      assertThat(failure).as("%s mapping a sample of its form", type).isNull();
                    }));
  }

  @Test
  void theMappingsCoverTheFormsWhoseSubmissionsTheWorkersRead() {
    assertThat(mappings().stream().map(FormInputsTest::formOf))
        .containsExactlyInAnyOrder(
            "screen-candidates",
            "schedule-training",
            "record-attendance",
            "record-network-interview",
            "review-synthesis",
            "revise-synthesis",
            "plan-stakeholder-session",
            "record-session-outcome",
            "give-feedback",
            "revise-action-agenda",
            "hold-handover-meeting",
            "accept-handover",
            "hold-follow-up-session");
  }

  @Test
  void aKeyTheFormDoesNotHaveIsFound() throws Exception {
    assertThat(keysRead(RenamedKey.class)).contains("acceptance");
    assertThat(fieldPaths(schema("accept-handover"))).doesNotContain("acceptance");
  }

  /** A mapping that reads a key its form does not have, as after renaming a field. */
  @FormInput("accept-handover")
  record RenamedKey(String remarks) {
    public static RenamedKey from(Map<String, Object> submission) {
      return new RenamedKey(FormValue.text(submission.get("acceptance")));
    }
  }

  private static List<Class<?>> mappings() {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(FormInput.class));
    var types = new ArrayList<Class<?>>();
    for (var candidate : scanner.findCandidateComponents("nl.expertpool")) {
      try {
        Class<?> type = Class.forName(candidate.getBeanClassName());
        if (!type.getName().contains("Test")) {
          types.add(type);
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return types;
  }

  private static String formOf(Class<?> type) {
    return type.getAnnotation(FormInput.class).value();
  }

  private static Set<String> keysRead(Class<?> type) throws Exception {
    Set<String> read = new TreeSet<>();
    map(type, read);
    return read;
  }

  /** Maps a sample submission of the type's form, noting the keys read; what it threw, or null. */
  private static Throwable map(Class<?> type, Set<String> read) throws Exception {
    FormSchema form = schema(formOf(type));
    Map<String, Object> sample = FormSamples.values(form, FormSamples.taskVariables(form));
    Method from = type.getMethod("from", Map.class);
    try {
      from.invoke(null, new KeyRecorder(sample, read));
      return null;
    } catch (InvocationTargetException e) {
      return e.getCause();
    }
  }

  private static FormSchema schema(String id) throws Exception {
    return FormSchema.parse(Files.readString(Path.of("forms", id + ".form")));
  }

  /** Every key a submission of the form may hold, as a path: {@code rows[].key}, {@code a.b}. */
  static Set<String> fieldPaths(FormSchema form) {
    Set<String> paths = new LinkedHashSet<>();
    collect(form.components(), "", paths);
    return paths;
  }

  private static void collect(List<FormComponent> components, String prefix, Set<String> paths) {
    for (var component : components) {
      switch (component.type()) {
        case "group" -> {
          if (component.path() == null || component.path().isBlank()) {
            collect(component.components(), prefix, paths);
          } else {
            addDotted(prefix, component.path(), paths);
            collect(component.components(), prefix + component.path() + ".", paths);
          }
        }
        case "dynamiclist" -> {
          addDotted(prefix, component.path(), paths);
          collect(component.components(), prefix + component.path() + "[].", paths);
        }
        default -> {
          if (component.isInput()) {
            addDotted(prefix, component.key(), paths);
          }
        }
      }
    }
  }

  private static void addDotted(String prefix, String dotted, Set<String> paths) {
    String path = prefix;
    for (String segment : dotted.split("\\.")) {
      path = path + segment;
      paths.add(path);
      path = path + ".";
    }
  }
}
