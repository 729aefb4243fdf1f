package nl.expertpool.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import nl.expertpool.runtime.DatabaseOutage;
import nl.expertpool.runtime.RetryingStep;
import nl.expertpool.web.ApiException.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refused request into {@code application/problem+json}: a title, a detail and, for bad
 * input, an {@code errors} list of field and reason. A failure whose exception declares a status
 * and reason with {@link ResponseStatus} (such as the engine being unavailable: 503) answers with
 * those; other unexpected failures answer 500. Both carry a reference to the log line, never a
 * stack trace.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> refused(ApiException e) {
    return problem(e.status(), e.getMessage(), e.violations());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "The request has invalid fields; nothing was stored.",
        List.of(new Violation(e.getName(), "is not a valid " + typeName(e.getRequiredType()))));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    String reference = Long.toHexString(System.nanoTime());
    if (DatabaseOutage.isOutage(e)) {
      log.warn("Database unreachable (reference {}): {}", reference, RetryingStep.summary(e));
      return problem(
          HttpStatus.SERVICE_UNAVAILABLE,
          "The database cannot be reached right now; nothing was stored. Try again in a moment"
              + " (reference "
              + reference
              + ").",
          List.of());
    }
    ResponseStatus declared =
        AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
    if (declared != null && !declared.reason().isBlank()) {
      // A module's failure that declares its meaning, e.g. EngineUnavailableException (503). Found
      // by annotation, not type: the engine module uses this one, so naming it here is a cycle.
      // People get the declared reason; the cause goes to the log.
      log.warn(
          "{} (reference {}): {}", declared.code().getReasonPhrase(), reference, e.getMessage());
      return problem(
          declared.code(), declared.reason() + " (reference " + reference + ")", List.of());
    }
    log.error("Unexpected failure (reference {})", reference, e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Something went wrong on our side (reference " + reference + "); nothing was lost.",
        List.of());
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    var violations =
        e.getBindingResult().getFieldErrors().stream()
            .map(error -> new Violation(error.getField(), error.getDefaultMessage()))
            .sorted(java.util.Comparator.comparing(Violation::field))
            .toList();
    return cast(problem(HttpStatus.BAD_REQUEST, "The request has invalid fields.", violations));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Violation violation =
        switch (e.getCause()) {
          case StrictRequestBodyConfiguration.NulInText nul ->
              new Violation(path(nul), "must not contain a NUL character");
          case UnrecognizedPropertyException unknown ->
              new Violation(path(unknown), "is not a field of this request");
          case InvalidFormatException format ->
              new Violation(path(format), "is not a valid " + typeName(format.getTargetType()));
          // A value of the wrong type, or a number too large for its field.
          case JsonMappingException mapping when !mapping.getPath().isEmpty() ->
              new Violation(path(mapping), "has the wrong type");
          case MismatchedInputException mismatch -> new Violation("", "must be a JSON object");
          case null, default -> new Violation("", "the body is not valid JSON");
        };
    return cast(
        problem(HttpStatus.BAD_REQUEST, "The request body cannot be read.", List.of(violation)));
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ResponseEntity<Object> response =
        super.handleExceptionInternal(e, body, headers, status, request);
    if (response != null && response.getBody() instanceof ProblemDetail detail) {
      return cast(problem(HttpStatus.valueOf(status.value()), detail.getDetail(), List.of()));
    }
    return response;
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String detail, List<Violation> violations) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("about:blank"));
    problem.setTitle(status.getReasonPhrase());
    if (!violations.isEmpty()) {
      problem.setProperty("errors", violations);
    }
    return ResponseEntity.status(status)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> response) {
    return (ResponseEntity) response;
  }

  @Override
  protected ResponseEntity<Object> handleMissingPathVariable(
      MissingPathVariableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    // Thrown, as a 400, when the path holds the variable but it converts to nothing (a blank id);
    // a mapping that lacks the variable is a bug and stays 500.
    if (!e.isMissingAfterConversion()) {
      return super.handleMissingPathVariable(e, headers, status, request);
    }
    return cast(
        problem(
            HttpStatus.BAD_REQUEST,
            "The request has invalid fields; nothing was stored.",
            List.of(new Violation(e.getVariableName(), "is required"))));
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (type.isEnum()) {
      return "value (one of "
          + java.util.Arrays.stream(type.getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "))
          + ")";
    }
    return switch (type.getSimpleName()) {
      case "UUID" -> "id";
      case "LocalDate" -> "date (yyyy-mm-dd)";
      case "Integer", "int", "Long", "long" -> "whole number";
      case "Duration", "Period" -> "ISO-8601 duration (e.g. P14D)";
      default -> type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
