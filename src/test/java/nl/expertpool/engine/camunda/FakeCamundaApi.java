package nl.expertpool.engine.camunda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, stateful stand-in for the Camunda 8.8 Orchestration Cluster REST API (v2): the endpoints
 * the engine port calls, with the request and response shapes of the API's documentation. It holds
 * process instances, element instances, user tasks with their variables and linked forms, and
 * incidents. Searches honour {@code filter} (plain values and the {@code $eq}, {@code $neq}, {@code
 * $in}, {@code $notIn}, {@code $exists}, {@code $like} operators; an empty {@code $in} is ignored,
 * as the gateway does), {@code sort} and {@code page} ({@code limit}, {@code from}, {@code after}
 * cursors). Errors are {@code application/problem+json}. Every request is recorded, so a test can
 * check what the adapter sent.
 *
 * <p>Every request and every answer is checked against Camunda's 8.8 OpenAPI document ({@link
 * CamundaOpenApi}): a request it does not allow gets the cluster's 400, and whatever went against
 * it fails the test when the fake is closed. A task's variables come from every scope it sees, a
 * name set in two scopes twice, as the server lists them; a task may be put in a state the engine
 * passes through ({@link #taskState}).
 *
 * <p>What it does not know it answers with 501, so a test never mistakes a missing endpoint for a
 * missing task.
 */
final class FakeCamundaApi implements AutoCloseable {

  /** A request as it arrived: method, path, raw query, JSON body (null node when none). */
  record Request(String method, String path, String query, JsonNode body, String authorization) {}

  private static final long FIRST_KEY = 2251799813685249L;
  private static final String TENANT = "<default>";
  private static final int MAX_LIMIT = 10_000;
  private static final int TRUNCATE_AT = 8191;
  private static final Instant EPOCH = Instant.parse("2026-01-05T09:00:00Z");
  private static final Pattern TASK_PATH =
      Pattern.compile(
          "/v2/user-tasks/(\\d+)(/form|/variables/search|/assignment|/assignee|/completion)?");

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();

  private long nextKey = FIRST_KEY;
  private long clockSeconds;
  private final Map<String, Long> definitionKeys = new HashMap<>();
  private final Map<String, FormRow> formsById = new HashMap<>();
  private final Map<Long, InstanceRow> instances = new LinkedHashMap<>();
  private final Map<Long, ElementRow> elements = new LinkedHashMap<>();
  private final Map<Long, TaskRow> tasks = new LinkedHashMap<>();
  private final Map<Long, IncidentRow> incidents = new LinkedHashMap<>();
  private final Map<Long, Map<String, VariableRow>> variablesByScope = new HashMap<>();
  private final Map<String, LongConsumer> onCompleted = new HashMap<>();

  private String expectedAuthorization;
  private int closedTaskStatus = 409;
  private int lagReads;
  private Refusal refusal;
  private int refusalsLeft = -1;

  FakeCamundaApi() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot open a local port for the fake Camunda API", e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** What to give the client as its REST address. */
  URI address() {
    return URI.create("http://localhost:" + server.getAddress().getPort());
  }

  /**
   * A real Camunda client that talks REST to this fake, as the {@code camunda} profile's does to a
   * cluster; {@code credentials} null for none. The environment cannot redirect it.
   */
  CamundaClient client(CredentialsProvider credentials) {
    var builder =
        CamundaClient.newClientBuilder()
            .applyEnvironmentVariableOverrides(false)
            .restAddress(address())
            .grpcAddress(address())
            .preferRestOverGrpc(true)
            .defaultRequestTimeout(Duration.ofSeconds(10));
    if (credentials != null) {
      builder.credentialsProvider(credentials);
    }
    return builder.build();
  }

  /**
   * Stops the fake. A request the adapter sent or an answer the fake gave that Camunda's
   * specification does not allow fails the test here, unless the test took it with {@link
   * #takeViolations()}.
   */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "Against Camunda's "
              + CamundaOpenApi.VERSION
              + " OpenAPI document:\n"
              + String.join("\n", violations));
    }
  }

  /** What went against the specification so far (the adapter's requests, the fake's answers). */
  List<String> takeViolations() {
    var taken = List.copyOf(violations);
    violations.removeAll(taken);
    return taken;
  }

  // ---- what a test sets up -------------------------------------------------------------------

  /** Requests without {@code Authorization: Bearer <token>} get 401. */
  synchronized void requireBearer(String token) {
    expectedAuthorization = "Bearer " + token;
  }

  /** Requests without these basic credentials get 401. */
  synchronized void requireBasic(String username, String password) {
    expectedAuthorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Every request gets this status as a problem, e.g. 503 for a cluster that is down. */
  synchronized void refuseEverything(int status, String title, String detail) {
    refusal = new Refusal(status, title, detail);
    refusalsLeft = -1;
  }

  /** Refuses the next {@code times} requests so, then answers again (backpressure that passes). */
  synchronized void refuseNext(int times, int status, String title, String detail) {
    refusal = new Refusal(status, title, detail);
    refusalsLeft = times;
  }

  /**
   * A command on a task that is no longer open gets 404, as the engine answers once it has dropped
   * the task, instead of the 409 it gives while the task is still in another state.
   */
  synchronized void answerClosedTasksWithNotFound() {
    closedTaskStatus = 404;
  }

  /** A command's effect shows in reads only after this many further reads, like search data. */
  synchronized void lagReads(int reads) {
    lagReads = reads;
  }

  /** Starts an instance (a called one when {@code parent} is given), its process element active. */
  synchronized long startInstance(String processId, Long parent, Long parentElement) {
    long key = key();
    long definition = definitionKeys.computeIfAbsent(processId, id -> key());
    instances.put(key, new InstanceRow(key, processId, definition, parent, parentElement, now()));
    elements.put(
        key,
        new ElementRow(
            key, key, null, processId, processId, processId, "PROCESS", definition, now()));
    return key;
  }

  /** An active element instance, e.g. a call activity or a service task waiting for its job. */
  synchronized long element(long instanceKey, String elementId, String name, String type) {
    return scope(instanceKey, elementId, name, type);
  }

  /**
   * An active element instance inside a scope: the process instance, or an element instance such as
   * a sub-process or a multi-instance body (its flow scope).
   */
  synchronized long scope(long flowScopeKey, String elementId, String name, String type) {
    long instanceKey = elements.get(flowScopeKey).instanceKey;
    var instance = instance(instanceKey);
    long key = key();
    elements.put(
        key,
        new ElementRow(
            key,
            instanceKey,
            flowScopeKey,
            instance.processId,
            elementId,
            name,
            type,
            instance.definitionKey,
            now()));
    return key;
  }

  /** An open user task (and its element instance); {@code formId} null when it links no form. */
  synchronized long userTask(
      long instanceKey, String elementId, String name, List<String> groups, String formId) {
    return userTaskIn(instanceKey, elementId, name, groups, formId);
  }

  /** An open user task inside a scope (the process instance or an element instance). */
  synchronized long userTaskIn(
      long flowScopeKey, String elementId, String name, List<String> groups, String formId) {
    long elementKey = scope(flowScopeKey, elementId, name, "USER_TASK");
    long instanceKey = elements.get(elementKey).instanceKey;
    long key = key();
    Long formKey =
        formId == null ? null : formsById.computeIfAbsent(formId, id -> new FormRow(key(), id)).key;
    tasks.put(
        key,
        new TaskRow(
            key, elementKey, instanceKey, elementId, name, List.copyOf(groups), formKey, now()));
    return key;
  }

  synchronized long elementInstanceOf(long taskKey) {
    return tasks.get(taskKey).elementKey;
  }

  /**
   * Puts a task in a state the engine passes through, e.g. ASSIGNING while an assignment's task
   * listeners run, or COMPLETING while a completion's do; the search data shows it at once.
   */
  synchronized void taskState(long taskKey, String state) {
    var task = tasks.get(taskKey);
    task.engineState = state;
    task.show();
  }

  /** Sets a variable in a scope: a process instance, or an element instance for a local one. */
  synchronized void variable(long scopeKey, String name, Object value) {
    long instanceKey =
        instances.containsKey(scopeKey) ? scopeKey : elements.get(scopeKey).instanceKey;
    variablesByScope
        .computeIfAbsent(scopeKey, k -> new LinkedHashMap<>())
        .compute(
            name,
            (n, old) ->
                new VariableRow(
                    old == null ? key() : old.key, scopeKey, instanceKey, name, write(value)));
  }

  /** An unresolved incident on an active element, e.g. a job out of retries. */
  synchronized long incident(long elementKey, String errorType, String errorMessage) {
    var element = elements.get(elementKey);
    long key = key();
    incidents.put(key, new IncidentRow(key, element, errorType, errorMessage, key(), now()));
    element.incidentKey = key;
    instance(element.instanceKey).hasIncident = true;
    return key;
  }

  /** What the model does after a task with this element id is completed, given its instance. */
  synchronized void whenCompleted(String elementId, LongConsumer next) {
    onCompleted.put(elementId, next);
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  List<Request> requests(String method, String path) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && r.path().equals(path))
        .toList();
  }

  void clearRequests() {
    requests.clear();
  }

  // ---- HTTP ----------------------------------------------------------------------------------

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      String query = exchange.getRequestURI().getRawQuery();
      byte[] raw = exchange.getRequestBody().readAllBytes();
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      Answer answer;
      JsonNode body;
      try {
        body = raw.length == 0 ? JsonNodeFactory.instance.nullNode() : json.readTree(raw);
      } catch (IOException e) {
        body = JsonNodeFactory.instance.textNode(new String(raw, StandardCharsets.UTF_8));
      }
      requests.add(new Request(method, path, query, body, authorization));
      var wrong =
          CamundaOpenApi.checkRequest(
              method, path, query, new String(raw, StandardCharsets.UTF_8), authorization);
      violations.addAll(wrong);
      boolean staged;
      synchronized (this) {
        staged =
            refusal != null
                || expectedAuthorization != null && !expectedAuthorization.equals(authorization);
        try {
          answer =
              wrong.isEmpty()
                  ? answer(method, path, query, body, authorization)
                  : problem(400, "Bad Request", String.join("; ", wrong), path);
        } catch (BadRequest e) {
          answer = problem(400, "INVALID_ARGUMENT", e.getMessage(), path);
          // The fake's own refusal of a request the document allows: its answer is the usual
          // problem, which the document does not list for every path.
          staged = true;
        }
      }
      String contentType = answer.status() >= 400 ? "application/problem+json" : "application/json";
      byte[] bytes = answer.body() == null ? null : json.writeValueAsBytes(answer.body());
      // A refusal a test staged may have a status the document lists for other paths only (a 503
      // on a search, a 401 on a command): the gateway gives those on every path.
      if (wrong.isEmpty() && !staged) {
        violations.addAll(
            CamundaOpenApi.checkResponse(
                method,
                path,
                answer.status(),
                contentType,
                bytes == null ? null : new String(bytes, StandardCharsets.UTF_8)));
      }
      if (bytes == null) {
        exchange.sendResponseHeaders(answer.status(), -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", contentType);
      if (answer.status() == 401) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
      }
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private Answer answer(
      String method, String path, String query, JsonNode body, String authorization) {
    if (refusal != null) {
      var refused = refusal;
      if (refusalsLeft > 0 && --refusalsLeft == 0) {
        refusal = null;
      }
      return problem(refused.status, refused.title, refused.detail, path);
    }
    if (expectedAuthorization != null && !expectedAuthorization.equals(authorization)) {
      return problem(
          401, "Unauthorized", "The request lacks valid authentication credentials.", path);
    }
    String route = method + " " + path;
    switch (route) {
      case "POST /v2/user-tasks/search" -> {
        read();
        return searchUserTasks(body);
      }
      case "POST /v2/element-instances/search" -> {
        read();
        return search(body, elements.values().stream().map(this::json).toList(), Map.of());
      }
      case "POST /v2/incidents/search" -> {
        read();
        return search(body, incidents.values().stream().map(this::json).toList(), Map.of());
      }
      case "POST /v2/process-instances/search" -> {
        read();
        return search(
            body,
            instances.values().stream().map(this::json).toList(),
            Map.of(
                "variables",
                (item, filter) -> variablesMatch(key(item, "processInstanceKey"), filter)));
      }
      default -> {}
    }
    Matcher task = TASK_PATH.matcher(path);
    if (task.matches()) {
      long key = Long.parseLong(task.group(1));
      String rest = Objects.requireNonNullElse(task.group(2), "");
      switch (method + " " + rest) {
        case "GET " -> {
          read();
          return visibleTask(key, path, row -> new Answer(200, json(row)));
        }
        case "GET /form" -> {
          read();
          return visibleTask(key, path, this::form);
        }
        case "POST /variables/search" -> {
          read();
          return visibleTask(key, path, row -> taskVariables(row, body, query));
        }
        case "POST /assignment" -> {
          return assign(key, body, path);
        }
        case "DELETE /assignee" -> {
          return unassign(key, path);
        }
        case "POST /completion" -> {
          return complete(key, body, path);
        }
        default -> {}
      }
    }
    return problem(501, "NOT_IMPLEMENTED", route + " is not part of this fake", path);
  }

  // ---- reads ---------------------------------------------------------------------------------

  private Answer searchUserTasks(JsonNode body) {
    var items = tasks.values().stream().map(this::json).toList();
    return search(
        body,
        items,
        Map.of(
            "processInstanceVariables",
            (item, filter) -> variablesMatch(key(item, "processInstanceKey"), filter),
            "localVariables",
            (item, filter) -> variablesMatch(key(item, "elementInstanceKey"), filter)));
  }

  private Answer visibleTask(long key, String path, Function<TaskRow, Answer> answer) {
    var row = tasks.get(key);
    if (row == null) {
      return problem(404, "NOT_FOUND", "User task with key '%d' not found".formatted(key), path);
    }
    return answer.apply(row);
  }

  private Answer form(TaskRow task) {
    if (task.formKey == null) {
      return new Answer(204, null);
    }
    var form =
        formsById.values().stream().filter(f -> f.key == task.formKey).findFirst().orElseThrow();
    var node = object();
    node.put("tenantId", TENANT);
    node.put("formId", form.id);
    node.putObject("schema").put("id", form.id).putArray("components");
    node.put("version", 1);
    node.put("formKey", String.valueOf(form.key));
    return new Answer(200, node);
  }

  /**
   * The variables of every scope the task sees: its own, each enclosing element instance (a
   * sub-process, a multi-instance body) and its process instance. A name set in two scopes comes
   * twice, once per scope, as the server lists them.
   */
  private Answer taskVariables(TaskRow task, JsonNode body, String query) {
    boolean truncate = query == null || !query.contains("truncateValues=false");
    var items = new ArrayList<ObjectNode>();
    for (Long scope = task.elementKey; scope != null; scope = elements.get(scope).flowScopeKey) {
      for (var variable : variablesByScope.getOrDefault(scope, Map.of()).values()) {
        items.add(json(variable, truncate));
      }
    }
    return search(body, items, Map.of());
  }

  private boolean variablesMatch(long scopeKey, JsonNode filters) {
    var scope = variablesByScope.getOrDefault(scopeKey, Map.of());
    for (JsonNode filter : filters) {
      if (!filter.has("name") || !filter.has("value")) {
        throw new BadRequest("A variable filter needs a name and a value: " + filter);
      }
      var variable = scope.get(filter.get("name").asText());
      if (variable == null
          || !matches(JsonNodeFactory.instance.textNode(variable.value), filter.get("value"))) {
        return false;
      }
    }
    return true;
  }

  private Answer search(
      JsonNode request,
      List<ObjectNode> items,
      Map<String, BiPredicate<ObjectNode, JsonNode>> special) {
    JsonNode filter = request.path("filter");
    var matched = new ArrayList<ObjectNode>();
    for (ObjectNode item : items) {
      if (matchesAll(item, filter, special)) {
        matched.add(item);
      }
    }
    String keyField = keyField(items);
    Comparator<ObjectNode> order = Comparator.comparing(item -> key(item, keyField));
    JsonNode sort = request.path("sort");
    if (!sort.isMissingNode() && !sort.isNull()) {
      Comparator<ObjectNode> sorted = null;
      for (JsonNode by : sort) {
        String field = by.path("field").asText();
        Comparator<ObjectNode> one = Comparator.comparing(item -> sortValue(item, field));
        if ("DESC".equalsIgnoreCase(by.path("order").asText("ASC"))) {
          one = one.reversed();
        }
        sorted = sorted == null ? one : sorted.thenComparing(one);
      }
      order = sorted == null ? order : sorted.thenComparing(order);
    }
    matched.sort(order);
    return new Answer(200, page(request.path("page"), matched, keyField));
  }

  private boolean matchesAll(
      ObjectNode item, JsonNode filter, Map<String, BiPredicate<ObjectNode, JsonNode>> special) {
    for (Iterator<Map.Entry<String, JsonNode>> it = filter.fields(); it.hasNext(); ) {
      var condition = it.next();
      String name = condition.getKey();
      // Unset list properties arrive as empty arrays; like unset ones, they filter nothing.
      if (condition.getValue().isNull()
          || (condition.getValue().isArray() && condition.getValue().isEmpty())) {
        continue;
      }
      if (name.equals("$or")) {
        throw new BadRequest("$or is not part of this fake");
      }
      if (special.containsKey(name)) {
        if (!special.get(name).test(item, condition.getValue())) {
          return false;
        }
        continue;
      }
      String field =
          switch (name) {
            case "candidateGroup" -> "candidateGroups";
            case "candidateUser" -> "candidateUsers";
            default -> name;
          };
      // A property the item leaves out is unset.
      if (!matches(item.get(field), condition.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** A filter property: a plain value, or an object of operators that all must hold. */
  private static boolean matches(JsonNode actual, JsonNode condition) {
    if (!condition.isObject()) {
      return equal(actual, condition);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = condition.fields(); it.hasNext(); ) {
      var operator = it.next();
      JsonNode operand = operator.getValue();
      // The client sends every list operator, empty when unused; the server ignores empty ones.
      if (operand.isArray() && operand.isEmpty()) {
        continue;
      }
      boolean holds =
          switch (operator.getKey()) {
            case "$eq" -> equal(actual, operand);
            case "$neq" -> !equal(actual, operand);
            case "$in" -> anyEqual(actual, operand);
            case "$notIn" -> !anyEqual(actual, operand);
            case "$exists" -> operand.asBoolean() == (actual != null && !actual.isNull());
            case "$like" -> like(actual, operand.asText());
            default -> throw new BadRequest("Unknown filter operator '" + operator.getKey() + "'");
          };
      if (!holds) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyEqual(JsonNode actual, JsonNode values) {
    if (!values.isArray()) {
      throw new BadRequest("$in and $notIn take an array, got " + values);
    }
    for (JsonNode value : values) {
      if (equal(actual, value)) {
        return true;
      }
    }
    return false;
  }

  /** A list field (candidate groups) matches when one of its values does. */
  private static boolean equal(JsonNode actual, JsonNode expected) {
    if (actual == null || actual.isNull()) {
      return false;
    }
    if (actual.isArray()) {
      for (JsonNode one : actual) {
        if (one.asText().equals(expected.asText())) {
          return true;
        }
      }
      return false;
    }
    return actual.asText().equals(expected.asText());
  }

  private static boolean like(JsonNode actual, String pattern) {
    if (actual == null || actual.isNull()) {
      return false;
    }
    var regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(
          switch (c) {
            case '*' -> ".*";
            case '?' -> ".";
            default -> Pattern.quote(String.valueOf(c));
          });
    }
    return actual.asText().matches(regex.toString());
  }

  private ObjectNode page(JsonNode page, List<ObjectNode> matched, String keyField) {
    int limit = page.path("limit").asInt(100);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadRequest("page.limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    if (page.has("before") && !page.get("before").isNull()) {
      throw new BadRequest("This fake pages forward only (page.after)");
    }
    int start = page.path("from").asInt(0);
    if (page.has("after") && !page.get("after").isNull()) {
      String after = decodeCursor(page.get("after").asText());
      start = -1;
      for (int i = 0; i < matched.size(); i++) {
        if (matched.get(i).get(keyField).asText().equals(after)) {
          start = i + 1;
        }
      }
      if (start < 0) {
        throw new BadRequest("page.after is not a cursor of this search: " + page.get("after"));
      }
    }
    var slice =
        matched.subList(Math.min(start, matched.size()), Math.min(start + limit, matched.size()));
    var result = object();
    ArrayNode items = result.putArray("items");
    slice.forEach(items::add);
    var info = result.putObject("page");
    info.put("totalItems", matched.size());
    info.put("hasMoreTotalItems", false);
    if (!slice.isEmpty()) {
      info.put("startCursor", cursor(slice.getFirst().get(keyField).asText()));
      info.put("endCursor", cursor(slice.getLast().get(keyField).asText()));
    }
    return result;
  }

  private static String cursor(String key) {
    return Base64.getEncoder()
        .encodeToString(("{\"key\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  private String decodeCursor(String cursor) {
    try {
      var decoded = json.readTree(Base64.getDecoder().decode(cursor));
      return decoded.get("key").asText();
    } catch (IOException | RuntimeException e) {
      throw new BadRequest("page.after is not a cursor: " + cursor);
    }
  }

  private static String keyField(List<ObjectNode> items) {
    if (items.isEmpty()) {
      return "key";
    }
    var first = items.getFirst();
    for (String field :
        List.of(
            "userTaskKey",
            "variableKey",
            "incidentKey",
            "elementInstanceKey",
            "processInstanceKey")) {
      if (first.has(field)) {
        return field;
      }
    }
    throw new IllegalStateException("No key field in " + first);
  }

  private static Long key(ObjectNode item, String field) {
    JsonNode value = item.get(field);
    return value == null || value.isNull() ? 0L : Long.valueOf(value.asText());
  }

  private static Comparable<Object> sortValue(ObjectNode item, String field) {
    // Which fields a search sorts by is the document's to say (checked on arrival).
    JsonNode value = item.get(field);
    String text = value == null || value.isNull() ? "" : value.asText();
    Comparable<?> comparable =
        text.matches("\\d{1,18}") ? (Comparable<?>) Long.valueOf(text) : text;
    @SuppressWarnings("unchecked")
    Comparable<Object> result = (Comparable<Object>) comparable;
    return result;
  }

  /** Applies the effect of earlier commands once enough reads have passed. */
  private void read() {
    for (var task : tasks.values()) {
      if (task.pendingReads > 0 && --task.pendingReads == 0) {
        task.show();
      }
    }
  }

  // ---- commands ------------------------------------------------------------------------------

  private Answer assign(long key, JsonNode body, String path) {
    var task = tasks.get(key);
    if (task == null) {
      return notFound("assign", key, path);
    }
    if (!body.hasNonNull("assignee") || body.get("assignee").asText().isBlank()) {
      throw new BadRequest("No assignee provided");
    }
    if (!"CREATED".equals(task.engineState)) {
      return closed("assign", task, path);
    }
    String assignee = body.get("assignee").asText();
    boolean override = body.path("allowOverride").asBoolean(true);
    if (!override && task.engineAssignee != null && !task.engineAssignee.equals(assignee)) {
      return problem(
          409,
          "INVALID_STATE",
          "Command 'ASSIGN' rejected with code 'INVALID_STATE': Expected to assign user task with key '%d', but it is already assigned"
              .formatted(key),
          path);
    }
    task.engineAssignee = assignee;
    changed(task);
    return new Answer(204, null);
  }

  private Answer unassign(long key, String path) {
    var task = tasks.get(key);
    if (task == null) {
      return notFound("unassign", key, path);
    }
    if (!"CREATED".equals(task.engineState)) {
      return closed("unassign", task, path);
    }
    task.engineAssignee = null;
    changed(task);
    return new Answer(204, null);
  }

  private Answer complete(long key, JsonNode body, String path) {
    var task = tasks.get(key);
    if (task == null) {
      return notFound("complete", key, path);
    }
    if (!"CREATED".equals(task.engineState)) {
      return closed("complete", task, path);
    }
    JsonNode variables = body.path("variables");
    if (!variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
      throw new BadRequest("variables must be a JSON object");
    }
    task.engineState = "COMPLETED";
    task.completionDate = now();
    changed(task);
    var element = elements.get(task.elementKey);
    element.state = "COMPLETED";
    element.endDate = now();
    // Without output mappings a task's variables land in its process instance.
    if (variables.isObject()) {
      variables
          .fields()
          .forEachRemaining(v -> variable(task.instanceKey, v.getKey(), toValue(v.getValue())));
    }
    var next = onCompleted.get(task.elementId);
    if (next != null) {
      next.accept(task.instanceKey);
    }
    return new Answer(204, null);
  }

  private void changed(TaskRow task) {
    if (lagReads > 0) {
      task.pendingReads = lagReads;
    } else {
      task.show();
    }
  }

  private Answer notFound(String command, long key, String path) {
    return problem(
        404,
        "NOT_FOUND",
        "Command '%s' rejected with code 'NOT_FOUND': Expected to %s user task with key '%d', but no such user task was found"
            .formatted(command.toUpperCase(Locale.ROOT), command, key),
        path);
  }

  private Answer closed(String command, TaskRow task, String path) {
    if (closedTaskStatus == 404) {
      return notFound(command, task.key, path);
    }
    return problem(
        409,
        "INVALID_STATE",
        "Command '%s' rejected with code 'INVALID_STATE': Expected to %s user task with key '%d', but it is in state '%s'"
            .formatted(command.toUpperCase(Locale.ROOT), command, task.key, task.engineState),
        path);
  }

  // ---- JSON of the documented results --------------------------------------------------------

  private ObjectNode json(TaskRow task) {
    var instance = instance(task.instanceKey);
    var node = object();
    node.put("name", task.name);
    node.put("state", task.state);
    putIfSet(node, "assignee", task.assignee);
    node.put("elementId", task.elementId);
    task.groups.forEach(node.putArray("candidateGroups")::add);
    node.putArray("candidateUsers");
    node.put("processDefinitionId", instance.processId);
    node.put("creationDate", task.creationDate);
    putIfSet(node, "completionDate", "COMPLETED".equals(task.state) ? task.completionDate : null);
    node.put("tenantId", TENANT);
    node.put("processDefinitionVersion", 1);
    node.putObject("customHeaders");
    node.put("priority", 50);
    node.put("userTaskKey", String.valueOf(task.key));
    node.put("elementInstanceKey", String.valueOf(task.elementKey));
    node.put("processName", instance.processId);
    node.put("processDefinitionKey", String.valueOf(instance.definitionKey));
    node.put("processInstanceKey", String.valueOf(task.instanceKey));
    putIfSet(node, "formKey", task.formKey == null ? null : String.valueOf(task.formKey));
    return node;
  }

  private ObjectNode json(ElementRow element) {
    var node = object();
    node.put("processDefinitionId", element.processId);
    node.put("startDate", element.startDate);
    putIfSet(node, "endDate", element.endDate);
    node.put("elementId", element.elementId);
    node.put("elementName", element.name);
    node.put("type", element.type);
    node.put("state", element.state);
    node.put("hasIncident", element.incidentKey != null);
    node.put("tenantId", TENANT);
    node.put("elementInstanceKey", String.valueOf(element.key));
    node.put("processInstanceKey", String.valueOf(element.instanceKey));
    node.put("processDefinitionKey", String.valueOf(element.definitionKey));
    putIfSet(
        node,
        "incidentKey",
        element.incidentKey == null ? null : String.valueOf(element.incidentKey));
    return node;
  }

  private ObjectNode json(IncidentRow incident) {
    var node = object();
    node.put("processDefinitionId", incident.element.processId);
    node.put("errorType", incident.errorType);
    node.put("errorMessage", incident.errorMessage);
    node.put("elementId", incident.element.elementId);
    node.put("creationTime", incident.creationTime);
    node.put("state", incident.state);
    node.put("tenantId", TENANT);
    node.put("incidentKey", String.valueOf(incident.key));
    node.put("processDefinitionKey", String.valueOf(incident.element.definitionKey));
    node.put("processInstanceKey", String.valueOf(incident.element.instanceKey));
    node.put("elementInstanceKey", String.valueOf(incident.element.key));
    node.put("jobKey", String.valueOf(incident.jobKey));
    return node;
  }

  private ObjectNode json(InstanceRow instance) {
    var node = object();
    node.put("processDefinitionId", instance.processId);
    node.put("processDefinitionName", instance.processId);
    node.put("processDefinitionVersion", 1);
    node.put("startDate", instance.startDate);
    node.put("state", instance.state);
    node.put("hasIncident", instance.hasIncident);
    node.put("tenantId", TENANT);
    node.put("processInstanceKey", String.valueOf(instance.key));
    node.put("processDefinitionKey", String.valueOf(instance.definitionKey));
    putIfSet(
        node,
        "parentProcessInstanceKey",
        instance.parent == null ? null : instance.parent.toString());
    putIfSet(
        node,
        "parentElementInstanceKey",
        instance.parentElement == null ? null : instance.parentElement.toString());
    node.putArray("tags");
    return node;
  }

  private ObjectNode json(VariableRow variable, boolean truncate) {
    var node = object();
    boolean truncated = truncate && variable.value.length() > TRUNCATE_AT;
    node.put("value", truncated ? variable.value.substring(0, TRUNCATE_AT) : variable.value);
    node.put("isTruncated", truncated);
    node.put("name", variable.name);
    node.put("tenantId", TENANT);
    node.put("variableKey", String.valueOf(variable.key));
    node.put("scopeKey", String.valueOf(variable.scopeKey));
    node.put("processInstanceKey", String.valueOf(variable.instanceKey));
    return node;
  }

  private Answer problem(int status, String title, String detail, String path) {
    return new Answer(status, CamundaOpenApi.problem(status, title, detail, path));
  }

  /** The document types optional fields as plain strings: the server leaves unset ones out. */
  private static void putIfSet(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private Object toValue(JsonNode node) {
    return json.convertValue(node, Object.class);
  }

  private static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  private InstanceRow instance(long key) {
    var instance = instances.get(key);
    if (instance == null) {
      throw new IllegalArgumentException("No process instance " + key + " in the fake");
    }
    return instance;
  }

  private long key() {
    return nextKey++;
  }

  private String now() {
    return EPOCH.plus(++clockSeconds, ChronoUnit.SECONDS).toString();
  }

  private record Answer(int status, JsonNode body) {}

  private record Refusal(int status, String title, String detail) {}

  private static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }

  private record FormRow(long key, String id) {}

  private static final class InstanceRow {
    final long key;
    final String processId;
    final long definitionKey;
    final Long parent;
    final Long parentElement;
    final String startDate;
    String state = "ACTIVE";
    boolean hasIncident;

    InstanceRow(
        long key,
        String processId,
        long definitionKey,
        Long parent,
        Long parentElement,
        String at) {
      this.key = key;
      this.processId = processId;
      this.definitionKey = definitionKey;
      this.parent = parent;
      this.parentElement = parentElement;
      this.startDate = at;
    }
  }

  private static final class ElementRow {
    final long key;
    final long instanceKey;
    final Long flowScopeKey;
    final String processId;
    final String elementId;
    final String name;
    final String type;
    final long definitionKey;
    final String startDate;
    String state = "ACTIVE";
    String endDate;
    Long incidentKey;

    ElementRow(
        long key,
        long instanceKey,
        Long flowScopeKey,
        String processId,
        String elementId,
        String name,
        String type,
        long definitionKey,
        String at) {
      this.key = key;
      this.instanceKey = instanceKey;
      this.flowScopeKey = flowScopeKey;
      this.processId = processId;
      this.elementId = elementId;
      this.name = name;
      this.type = type;
      this.definitionKey = definitionKey;
      this.startDate = at;
    }
  }

  /** A user task as the engine holds it, and as the search data shows it (maybe a read later). */
  private static final class TaskRow {
    final long key;
    final long elementKey;
    final long instanceKey;
    final String elementId;
    final String name;
    final List<String> groups;
    final Long formKey;
    final String creationDate;
    String completionDate;
    String engineState = "CREATED";
    String engineAssignee;
    String state = "CREATED";
    String assignee;
    int pendingReads;

    TaskRow(
        long key,
        long elementKey,
        long instanceKey,
        String elementId,
        String name,
        List<String> groups,
        Long formKey,
        String at) {
      this.key = key;
      this.elementKey = elementKey;
      this.instanceKey = instanceKey;
      this.elementId = elementId;
      this.name = name;
      this.groups = groups;
      this.formKey = formKey;
      this.creationDate = at;
    }

    void show() {
      state = engineState;
      assignee = engineAssignee;
    }
  }

  private record VariableRow(
      long key, long scopeKey, long instanceKey, String name, String value) {}

  private record IncidentRow(
      long key,
      ElementRow element,
      String errorType,
      String errorMessage,
      long jobKey,
      String creationTime,
      String state) {
    IncidentRow(
        long key,
        ElementRow element,
        String errorType,
        String errorMessage,
        long jobKey,
        String creationTime) {
      this(key, element, errorType, errorMessage, jobKey, creationTime, "ACTIVE");
    }
  }
}
