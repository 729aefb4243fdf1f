package nl.expertpool.engine;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The engine cannot serve the app right now: it does not answer, it fails, or it refuses the app's
 * credentials. The request itself is fine and may succeed later; the message names the cause for
 * the log, the declared reason is what people are told.
 */
@ResponseStatus(
    code = HttpStatus.SERVICE_UNAVAILABLE,
    reason = "The workflow engine is not available right now; try again in a few minutes.")
public class EngineUnavailableException extends RuntimeException {

  public EngineUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
