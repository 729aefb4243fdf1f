package nl.expertpool.engine.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.expertpool.engine.ElementInstance;
import nl.expertpool.engine.Incident;
import nl.expertpool.engine.ProcessEngine;
import nl.expertpool.engine.ProcessEngine.TaskQuery;
import nl.expertpool.engine.TaskConflictException;
import nl.expertpool.engine.TaskNotFoundException;
import nl.expertpool.engine.UserTask;
import nl.expertpool.engine.camunda.CamundaOpenApi;

/**
 * The Orchestration Cluster REST API's user-task and search endpoints, answered from the embedded
 * engine: with the engine's gRPC gateway it stands in for one Camunda 8.8 cluster, so that apps on
 * the {@code camunda} profile can share an engine on a machine without one. Every request and
 * answer is checked against Camunda's 8.8 OpenAPI document; {@link #violations()} lists what was
 * not as the document says.
 *
 * <p>It reads through the embedded engine's own port, which merges a task's variables over its
 * scopes and includes the elements of called instances in their caller's: so each task's variables
 * come in one scope, and a search for an instance's called instances finds none.
 */
public final class EngineRestFacade implements AutoCloseable {

  private static final String TENANT = "<default>";
  private static final Pattern TASK =
      Pattern.compile(
          "/v2/user-tasks/(\\d+)(/form|/variables/search|/assignment|/assignee|/completion)?");

  private final ObjectMapper json = new ObjectMapper();
  private final ProcessEngine engine;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final Map<String, Long> formKeys = new ConcurrentHashMap<>();
  private final AtomicLong keys = new AtomicLong(1_000_000_000L);
  private final AtomicLong requests = new AtomicLong();

  public EngineRestFacade(EmbeddedZeebe zeebe) {
    this.engine = new EmbeddedProcessEngine(zeebe, json);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot open a local port for the REST facade", e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The REST address to give the apps. */
  public URI address() {
    return URI.create("http://localhost:" + server.getAddress().getPort());
  }

  /** The engine as the facade reads it, for a test's own waiting. */
  public ProcessEngine engine() {
    return engine;
  }

  /** What went against Camunda's OpenAPI document: the apps' requests and the facade's answers. */
  public List<String> violations() {
    return List.copyOf(violations);
  }

  /** How many requests the apps sent. */
  public long requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private record Answer(int status, JsonNode body) {}

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      var wrong =
          CamundaOpenApi.checkRequest(
              method,
              path,
              exchange.getRequestURI().getRawQuery(),
              raw,
              exchange.getRequestHeaders().getFirst("Authorization"));
      violations.addAll(wrong);
      Answer answer;
      if (!wrong.isEmpty()) {
        answer = problem(400, "Bad Request", String.join("; ", wrong), path);
      } else {
        try {
          answer = answer(method, path, raw.isEmpty() ? json.nullNode() : json.readTree(raw));
        } catch (TaskNotFoundException e) {
          answer = problem(404, "NOT_FOUND", e.getMessage(), path);
        } catch (TaskConflictException e) {
          answer = problem(409, "INVALID_STATE", e.getMessage(), path);
        } catch (RuntimeException e) {
          answer = problem(500, "Internal Server Error", String.valueOf(e), path);
        }
      }
      String type = answer.status() >= 400 ? "application/problem+json" : "application/json";
      byte[] body = answer.body() == null ? null : json.writeValueAsBytes(answer.body());
      if (wrong.isEmpty()) {
        violations.addAll(
            CamundaOpenApi.checkResponse(
                method,
                path,
                answer.status(),
                type,
                body == null ? null : new String(body, StandardCharsets.UTF_8)));
      }
      if (body == null) {
        exchange.sendResponseHeaders(answer.status(), -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(answer.status(), body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private Answer answer(String method, String path, JsonNode body) throws IOException {
    switch (method + " " + path) {
      case "POST /v2/user-tasks/search" -> {
        return page(engine.openUserTasks(query(body.path("filter"))).stream().map(this::json));
      }
      case "POST /v2/process-instances/search" -> {
        JsonNode filter = body.path("filter");
        if (!filter.path("parentProcessInstanceKey").isMissingNode()) {
          // The port's reads include called instances in their caller's.
          return page(java.util.stream.Stream.empty());
        }
        long key = Long.parseLong(value(filter.path("processInstanceKey")));
        return page(
            engine.knowsInstance(key)
                ? java.util.stream.Stream.of(instance(key))
                : java.util.stream.Stream.empty());
      }
      case "POST /v2/element-instances/search" -> {
        long key = Long.parseLong(value(body.path("filter").path("processInstanceKey")));
        return page(engine.activeElements(key).stream().map(this::json));
      }
      case "POST /v2/incidents/search" -> {
        long key = Long.parseLong(value(body.path("filter").path("processInstanceKey")));
        return page(engine.openIncidents(key).stream().map(this::json));
      }
      default -> {}
    }
    Matcher task = TASK.matcher(path);
    if (!task.matches()) {
      return problem(404, "NOT_FOUND", method + " " + path + " is not served here", path);
    }
    long key = Long.parseLong(task.group(1));
    String rest = task.group(2) == null ? "" : task.group(2);
    switch (method + " " + rest) {
      case "GET " -> {
        return new Answer(200, json(open(key)));
      }
      case "GET /form" -> {
        String formId = open(key).formId();
        if (formId == null) {
          return new Answer(204, null);
        }
        var form = object();
        form.put("tenantId", TENANT);
        form.put("formId", formId);
        form.putObject("schema").put("id", formId);
        form.put("version", 1);
        form.put("formKey", String.valueOf(formKey(formId)));
        return new Answer(200, form);
      }
      case "POST /variables/search" -> {
        var found = open(key);
        var items = new ArrayList<JsonNode>();
        for (var variable : found.variables().entrySet()) {
          var item = object();
          item.put("name", variable.getKey());
          item.put("value", json.writeValueAsString(variable.getValue()));
          item.put("isTruncated", false);
          item.put("tenantId", TENANT);
          item.put("variableKey", String.valueOf(keys.incrementAndGet()));
          item.put("scopeKey", String.valueOf(found.processInstanceKey()));
          item.put("processInstanceKey", String.valueOf(found.processInstanceKey()));
          items.add(item);
        }
        return page(items.stream());
      }
      case "POST /assignment" -> {
        engine.assign(key, body.path("assignee").asText());
        return new Answer(204, null);
      }
      case "DELETE /assignee" -> {
        engine.assign(key, null);
        return new Answer(204, null);
      }
      case "POST /completion" -> {
        @SuppressWarnings("unchecked")
        Map<String, Object> variables =
            body.path("variables").isObject()
                ? json.convertValue(body.get("variables"), Map.class)
                : Map.of();
        engine.complete(key, variables);
        return new Answer(204, null);
      }
      default -> {
        return problem(404, "NOT_FOUND", method + " " + path + " is not served here", path);
      }
    }
  }

  private UserTask open(long key) {
    return engine.userTask(key).orElseThrow(() -> new TaskNotFoundException(key));
  }

  /** The filter as the adapter sends it: group, instance, assignee and one process variable. */
  private TaskQuery query(JsonNode filter) throws IOException {
    var query = TaskQuery.all();
    if (filter.has("candidateGroup")) {
      var groups = new ArrayList<String>();
      filter.path("candidateGroup").path("$in").forEach(g -> groups.add(g.asText()));
      query = query.inGroups(groups);
    }
    if (filter.has("processInstanceKey")) {
      query = query.ofInstance(Long.parseLong(value(filter.get("processInstanceKey"))));
    }
    if (filter.has("assignee")) {
      query = query.assignedTo(value(filter.get("assignee")));
    }
    for (JsonNode variable : filter.path("processInstanceVariables")) {
      query =
          query.withVariable(
              variable.path("name").asText(),
              json.readValue(value(variable.path("value")), Object.class));
    }
    return query;
  }

  private static String value(JsonNode property) {
    return property.has("$eq") ? property.get("$eq").asText() : property.asText();
  }

  private long formKey(String formId) {
    return formKeys.computeIfAbsent(formId, id -> keys.incrementAndGet());
  }

  private Answer page(java.util.stream.Stream<? extends JsonNode> items) {
    var result = object();
    var array = result.putArray("items");
    items.forEach(array::add);
    var page = result.putObject("page");
    page.put("totalItems", array.size());
    page.put("hasMoreTotalItems", false);
    if (!array.isEmpty()) {
      page.put("startCursor", cursor(0));
      page.put("endCursor", cursor(array.size()));
    }
    return new Answer(200, result);
  }

  private static String cursor(int position) {
    return Base64.getEncoder()
        .encodeToString(("{\"at\":" + position + "}").getBytes(StandardCharsets.UTF_8));
  }

  private ObjectNode json(UserTask task) {
    var node = object();
    node.put("userTaskKey", String.valueOf(task.key()));
    node.put("name", task.name());
    node.put("state", "CREATED");
    if (task.assignee() != null) {
      node.put("assignee", task.assignee());
    }
    node.put("elementId", task.elementId());
    task.candidateGroups().forEach(node.putArray("candidateGroups")::add);
    task.candidateUsers().forEach(node.putArray("candidateUsers")::add);
    node.put("processDefinitionId", task.bpmnProcessId());
    node.put("processDefinitionKey", String.valueOf(task.processDefinitionKey()));
    node.put("processInstanceKey", String.valueOf(task.processInstanceKey()));
    node.put("elementInstanceKey", String.valueOf(task.key()));
    node.put("creationDate", String.valueOf(task.createdAt()));
    if (task.dueDate() != null) {
      node.put("dueDate", String.valueOf(task.dueDate()));
    }
    node.put("priority", task.priority());
    node.put("tenantId", TENANT);
    if (task.formId() != null) {
      node.put("formKey", String.valueOf(formKey(task.formId())));
    }
    return node;
  }

  private ObjectNode instance(long key) {
    var node = object();
    node.put("processInstanceKey", String.valueOf(key));
    node.put("processDefinitionId", "unknown");
    node.put("processDefinitionName", "unknown");
    node.put("processDefinitionVersion", 1);
    node.put("processDefinitionKey", String.valueOf(key));
    node.put("startDate", Instant.EPOCH.toString());
    node.put("state", "ACTIVE");
    node.put("hasIncident", false);
    node.put("tenantId", TENANT);
    return node;
  }

  private ObjectNode json(ElementInstance element) {
    var node = object();
    node.put("elementInstanceKey", String.valueOf(element.key()));
    node.put("processInstanceKey", String.valueOf(element.processInstanceKey()));
    node.put("processDefinitionId", element.bpmnProcessId());
    node.put("processDefinitionKey", String.valueOf(element.processInstanceKey()));
    node.put("elementId", element.elementId());
    node.put("elementName", element.elementName());
    node.put("type", element.elementType());
    node.put("state", "ACTIVE");
    node.put("hasIncident", false);
    node.put("startDate", Instant.EPOCH.toString());
    node.put("tenantId", TENANT);
    return node;
  }

  private ObjectNode json(Incident incident) {
    var node = object();
    node.put("incidentKey", String.valueOf(incident.key()));
    node.put("processInstanceKey", String.valueOf(incident.processInstanceKey()));
    node.put("processDefinitionId", incident.bpmnProcessId());
    node.put("elementId", incident.elementId());
    node.put("elementInstanceKey", String.valueOf(incident.elementInstanceKey()));
    node.put("jobKey", String.valueOf(incident.jobKey()));
    node.put("errorType", incident.errorType());
    node.put("errorMessage", incident.errorMessage());
    node.put("creationTime", String.valueOf(incident.createdAt()));
    node.put("state", "ACTIVE");
    node.put("tenantId", TENANT);
    return node;
  }

  private Answer problem(int status, String title, String detail, String path) {
    return new Answer(status, CamundaOpenApi.problem(status, title, detail, path));
  }

  private static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }
}
