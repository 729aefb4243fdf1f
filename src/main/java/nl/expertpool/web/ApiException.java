package nl.expertpool.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A request the app refuses, answered as problem+json with the status, a detail and any fields. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final List<Violation> violations;

  public ApiException(HttpStatus status, String detail, List<Violation> violations) {
    super(detail);
    this.status = status;
    this.violations = List.copyOf(violations);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, detail, List.of());
  }

  public static ApiException conflict(String detail) {
    return new ApiException(HttpStatus.CONFLICT, detail, List.of());
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(HttpStatus.FORBIDDEN, detail, List.of());
  }

  public static ApiException invalid(List<Violation> violations) {
    return new ApiException(
        HttpStatus.BAD_REQUEST, "The request has invalid fields; nothing was stored.", violations);
  }

  public static ApiException invalid(String field, String reason) {
    return invalid(List.of(new Violation(field, reason)));
  }

  public HttpStatus status() {
    return status;
  }

  public List<Violation> violations() {
    return violations;
  }

  /** One bad field of a request: its path (e.g. {@code sessions[1].startsAt}) and the reason. */
  public record Violation(String field, String reason) {}
}
