package nl.expertpool.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes a problem to a servlet response where no controller runs (a filter, the security's entry
 * points), in the same shape as {@link ApiProblemHandler}: type, title, status and detail.
 */
public final class ProblemResponseWriter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProblemResponseWriter() {}

  /** Replaces whatever the response held with the problem and sends it. */
  public static void write(HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    var problem = new LinkedHashMap<String, Object>();
    problem.put("type", "about:blank");
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    response.resetBuffer();
    response.setStatus(status.value());
    // JSON is UTF-8: no charset parameter, as on the problems the controllers answer with.
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), problem);
    response.flushBuffer();
  }
}
