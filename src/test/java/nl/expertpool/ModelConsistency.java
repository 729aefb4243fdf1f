package nl.expertpool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The rules every file in {@code bpmn/} and {@code forms/} keeps: each model is valid for Zeebe, is
 * named like its file and has a complete diagram; each element has a name; each user task is a
 * Camunda user task that links an existing form; each job type has a worker; each form is named
 * like its file.
 */
public final class ModelConsistency {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelConsistency() {}

  /** Every problem found, one line each, starting with the file name. */
  public static List<String> problems(Path bpmnDir, Path formsDir, Set<String> workerJobTypes) {
    var problems = new ArrayList<String>();
    Set<String> formIds = new HashSet<>();
    for (Path form : files(formsDir, ".form")) {
      checkForm(form, formIds, problems);
    }
    for (Path model : files(bpmnDir, ".bpmn")) {
      checkModel(model, formIds, workerJobTypes, problems);
    }
    return problems;
  }

  /** The job types of every {@code @JobWorker} method in the app's own (main) classes. */
  public static Set<String> mainWorkerJobTypes() {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AssignableTypeFilter(Object.class));
    var types = new HashSet<String>();
    for (var candidate : scanner.findCandidateComponents("nl.expertpool")) {
      Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
      if (!type.getProtectionDomain()
          .getCodeSource()
          .getLocation()
          .getPath()
          .contains("test-classes")) {
        for (Method method : type.getDeclaredMethods()) {
          var worker = method.getAnnotation(JobWorker.class);
          if (worker != null) {
            types.add(worker.type());
          }
        }
      }
    }
    return types;
  }

  /** The job types the models in this folder declare: tasks and execution listeners. */
  public static Set<String> modelJobTypes(Path bpmnDir) {
    var types = new HashSet<String>();
    for (Path file : files(bpmnDir, ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      model.getModelElementsByType(ZeebeTaskDefinition.class).forEach(d -> types.add(d.getType()));
      model
          .getModelElementsByType(ZeebeExecutionListener.class)
          .forEach(l -> types.add(l.getType()));
    }
    return types;
  }

  private static void checkForm(Path file, Set<String> formIds, List<String> problems) {
    String name = baseName(file, ".form");
    try {
      JsonNode form = JSON.readTree(file.toFile());
      String id = form.path("id").asText();
      if (!name.equals(id)) {
        problems.add(
            "%s: form id '%s' differs from the file name".formatted(file.getFileName(), id));
      }
      if (!form.path("components").isArray()) {
        problems.add("%s: form has no components".formatted(file.getFileName()));
      }
      formIds.add(id);
    } catch (IOException e) {
      problems.add("%s: not a JSON form: %s".formatted(file.getFileName(), e.getMessage()));
    }
  }

  private static void checkModel(
      Path file, Set<String> formIds, Set<String> jobTypes, List<String> problems) {
    String fileName = file.getFileName().toString();
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromFile(file.toFile());
    } catch (RuntimeException e) {
      problems.add("%s: invalid model: %s".formatted(fileName, e.getMessage()));
      return;
    }
    var errors = new ArrayList<String>();
    model
        .validate(ZeebeDesignTimeValidators.VALIDATORS)
        .getResults()
        .forEach(
            (element, results) ->
                results.stream()
                    .filter(r -> r.getType() == ValidationResultType.ERROR)
                    .forEach(r -> errors.add(idOf(element) + ": " + r.getMessage())));
    if (!errors.isEmpty()) {
      problems.add("%s: invalid model: %s".formatted(fileName, String.join("; ", errors)));
      return;
    }
    var processes = model.getModelElementsByType(Process.class);
    if (processes.stream().noneMatch(p -> p.getId().equals(baseName(file, ".bpmn")))) {
      problems.add("%s: no process with the file's name as its id".formatted(fileName));
    }

    Set<String> shapes =
        model.getModelElementsByType(BpmnShape.class).stream()
            .filter(s -> s.getBpmnElement() != null)
            .map(s -> s.getBpmnElement().getId())
            .collect(Collectors.toSet());
    Set<String> edges =
        model.getModelElementsByType(BpmnEdge.class).stream()
            .filter(e -> e.getBpmnElement() != null)
            .map(e -> e.getBpmnElement().getId())
            .collect(Collectors.toSet());
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!shapes.contains(node.getId())) {
        problems.add("%s: %s has no shape in the diagram".formatted(fileName, node.getId()));
      }
      if (isBlank(node.getName()) && !isJoiningGateway(node)) {
        problems.add("%s: %s has no name".formatted(fileName, node.getId()));
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (!edges.contains(flow.getId())) {
        problems.add("%s: %s has no edge in the diagram".formatted(fileName, flow.getId()));
      }
    }

    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (extension(task, ZeebeUserTask.class).isEmpty()) {
        problems.add(
            "%s: %s is a job-based user task, not a Camunda user task"
                .formatted(fileName, task.getId()));
      }
      var form = extension(task, ZeebeFormDefinition.class);
      if (form.isEmpty() || isBlank(form.get().getFormId())) {
        problems.add("%s: %s links no form".formatted(fileName, task.getId()));
      } else if (!formIds.contains(form.get().getFormId())) {
        problems.add(
            "%s: %s links form '%s', which is not in forms/"
                .formatted(fileName, task.getId(), form.get().getFormId()));
      }
    }

    var declared = new ArrayList<String>();
    model.getModelElementsByType(ZeebeTaskDefinition.class).forEach(d -> declared.add(d.getType()));
    model
        .getModelElementsByType(ZeebeExecutionListener.class)
        .forEach(l -> declared.add(l.getType()));
    for (String type : declared) {
      if (type == null || type.startsWith("=")) {
        problems.add("%s: job type '%s' is not a fixed name".formatted(fileName, type));
      } else if (!jobTypes.contains(type)) {
        problems.add("%s: job type '%s' has no @JobWorker".formatted(fileName, type));
      }
    }
  }

  private static String idOf(ModelElementInstance element) {
    return element instanceof BaseElement base
        ? base.getId()
        : element.getElementType().getTypeName();
  }

  private static boolean isJoiningGateway(FlowNode node) {
    return node instanceof Gateway
        && node.getIncoming().size() > 1
        && node.getOutgoing().size() == 1;
  }

  private static <T extends ModelElementInstance> java.util.Optional<T> extension(
      BaseElement element, Class<T> type) {
    var extensions = element.getExtensionElements();
    return extensions == null
        ? java.util.Optional.empty()
        : extensions.getChildElementsByType(type).stream().findFirst();
  }

  private static List<Path> files(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String baseName(Path file, String suffix) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - suffix.length());
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
