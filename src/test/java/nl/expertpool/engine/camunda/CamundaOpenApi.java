package nl.expertpool.engine.camunda;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Camunda's own OpenAPI document of the Orchestration Cluster REST API, version 8.8: {@code
 * rest-api.yaml} from Camunda's {@code io.camunda:zeebe-gateway-protocol} jar (a test dependency;
 * Camunda License 1.0; the document camunda-docs publishes as {@code
 * api/camunda/version-8.8/camunda-openapi.yaml}). Checks a request as the adapter sent it and an
 * answer as a fake gave it, with Atlassian's swagger-request-validator: paths, methods, query
 * parameters, required fields, enumerations (sort fields, states), filter operators and types.
 *
 * <p>Parsing the document takes a second or two, so it is parsed once per JVM.
 */
public final class CamundaOpenApi {

  /** Where the document lies on the test class path, and the version it describes. */
  static final String DOCUMENT = "rest-api.yaml";

  static final String VERSION = "8.8";

  private static final class Holder {
    static final String URL =
        Objects.requireNonNull(
                CamundaOpenApi.class.getClassLoader().getResource(DOCUMENT),
                DOCUMENT + " is not on the class path (io.camunda:zeebe-gateway-protocol)")
            .toString();
    static final OpenAPI MODEL = readAsTheServerDoes();
    static final OpenApiInteractionValidator VALIDATOR =
        OpenApiInteractionValidator.createFor(MODEL)
            .withBasePathOverride("/v2")
            .withStrictOperationPathMatching()
            .build();
  }

  private CamundaOpenApi() {}

  /**
   * The document as the server's Java model reads it. The validator holds every object schema
   * closed to properties it does not name, which is what the server does too ("Request property [x]
   * cannot be parsed"); but the document builds many objects from parts with {@code allOf} (a
   * search query from {@code SearchQueryRequest} and its own fields, {@code AdvancedStringFilter}
   * from {@code BasicStringFilter} and {@code $like}), and a closed part would refuse the other
   * parts' properties. So the object parts of every {@code allOf} are merged into one object, as
   * the server's generated classes merge them. Also, a filter property such as {@code
   * StringFilterProperty} is {@code oneOf} a plain value or an object of operators and yet says
   * {@code type: object}: the plain value is allowed.
   *
   * <p>Nothing else is changed, so enumerations (sort fields, states), required fields, operators
   * and their types are checked as written.
   */
  private static OpenAPI readAsTheServerDoes() {
    var options = new ParseOptions();
    options.setResolve(true);
    OpenAPI api = new OpenAPIV3Parser().read(Holder.URL, null, options);
    var schemas = api.getComponents().getSchemas();
    var seen =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<Schema<?>, Boolean>());
    schemas.values().forEach(schema -> normalise(schema, schemas, seen));
    return api;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void normalise(
      Schema<?> schema, Map<String, Schema> schemas, Set<Schema<?>> seen) {
    if (schema == null || !seen.add(schema)) {
      return;
    }
    if (schema.getAllOf() != null) {
      var kept = new ArrayList<Schema>();
      for (Schema<?> part : schema.getAllOf()) {
        Schema<?> named = part.get$ref() == null ? part : schemas.get(name(part.get$ref()));
        normalise(named, schemas, seen);
        if (named.getProperties() == null) {
          kept.add(part);
          continue;
        }
        if (schema.getProperties() == null) {
          schema.setProperties(new LinkedHashMap<>());
        }
        named
            .getProperties()
            .forEach((key, value) -> schema.getProperties().putIfAbsent(key, value));
        if (named.getRequired() != null) {
          named.getRequired().forEach(schema::addRequiredItem);
        }
        if (schema.getType() == null) {
          schema.setType("object");
        }
      }
      schema.setAllOf(kept.isEmpty() ? null : kept);
    }
    if (schema.getOneOf() != null && "object".equals(schema.getType())) {
      schema.setType(null);
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(p -> normalise(p, schemas, seen));
    }
    normalise(schema.getItems(), schemas, seen);
    if (schema.getOneOf() != null) {
      schema.getOneOf().forEach(p -> normalise(p, schemas, seen));
    }
    if (schema.getAnyOf() != null) {
      schema.getAnyOf().forEach(p -> normalise(p, schemas, seen));
    }
    if (schema.getAllOf() != null) {
      schema.getAllOf().forEach(p -> normalise(p, schemas, seen));
    }
    if (schema.getAdditionalProperties() instanceof Schema<?> values) {
      normalise(values, schemas, seen);
    }
  }

  private static String name(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  /**
   * What the specification says is wrong with a request, one line per finding; empty when it
   * conforms.
   */
  public static List<String> checkRequest(
      String method, String path, String rawQuery, String body, String authorization) {
    var request = new SimpleRequest.Builder(method.toUpperCase(Locale.ROOT), path);
    if (body != null && !body.isEmpty()) {
      request.withBody(body).withContentType("application/json");
    }
    if (authorization != null) {
      request.withAuthorization(authorization);
    }
    query(rawQuery).forEach(request::withQueryParam);
    return findings("request " + method + " " + path, validator().validateRequest(request.build()));
  }

  /** What the specification says is wrong with an answer to a request; empty when it conforms. */
  public static List<String> checkResponse(
      String method, String path, int status, String contentType, String body) {
    var response = SimpleResponse.Builder.status(status);
    if (body != null) {
      response.withBody(body).withContentType(contentType);
    }
    return findings(
        "answer " + status + " to " + method + " " + path,
        validator()
            .validateResponse(
                path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build()));
  }

  /** An error as the document's {@code ProblemDetail}, for a stand-in of the cluster to answer. */
  public static com.fasterxml.jackson.databind.node.ObjectNode problem(
      int status, String title, String detail, String path) {
    var node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    node.put("type", "about:blank");
    node.put("title", title);
    node.put("status", status);
    node.put("detail", detail);
    node.put("instance", path);
    return node;
  }

  private static OpenApiInteractionValidator validator() {
    return Holder.VALIDATOR;
  }

  private static List<String> findings(String what, ValidationReport report) {
    var lines = new ArrayList<String>();
    for (var message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        var causes = new ArrayList<String>();
        leaves(message.getNestedMessages(), causes);
        lines.add(
            what
                + ": "
                + message.getKey()
                + ": "
                + message.getMessage()
                + (causes.isEmpty() ? "" : " " + causes));
      }
    }
    return lines;
  }

  /** The innermost reasons under an allOf or oneOf that failed: the ones that say what is wrong. */
  private static void leaves(List<ValidationReport.Message> messages, List<String> into) {
    for (var message : messages) {
      if (message.getNestedMessages().isEmpty()) {
        into.add(message.getMessage());
      } else {
        leaves(message.getNestedMessages(), into);
      }
    }
  }

  private static Map<String, List<String>> query(String rawQuery) {
    var params = new LinkedHashMap<String, List<String>>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
