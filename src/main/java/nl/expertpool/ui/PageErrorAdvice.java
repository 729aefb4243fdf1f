package nl.expertpool.ui;

import nl.expertpool.engine.EngineUnavailableException;
import nl.expertpool.runtime.DatabaseOutage;
import nl.expertpool.runtime.RetryingStep;
import nl.expertpool.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;

/** A refused or failed page request gets a page that says so, not JSON and never a stack trace. */
@ControllerAdvice(basePackageClasses = PageErrorAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrorAdvice {

  private static final Logger log = LoggerFactory.getLogger(PageErrorAdvice.class);

  @ExceptionHandler(ResponseStatusException.class)
  String status(
      ResponseStatusException e, Model model, jakarta.servlet.http.HttpServletResponse response) {
    model.addAttribute("reason", e.getReason());
    return page(e.getStatusCode(), model, response);
  }

  @ExceptionHandler(ApiException.class)
  String refused(ApiException e, Model model, jakarta.servlet.http.HttpServletResponse response) {
    return page(e.status(), model, response);
  }

  @ExceptionHandler(EngineUnavailableException.class)
  String engineUnavailable(
      EngineUnavailableException e,
      Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    String reference = Long.toHexString(System.nanoTime());
    log.warn("Page without the engine (reference {}): {}", reference, e.getMessage());
    model.addAttribute("reference", reference);
    return page(HttpStatus.SERVICE_UNAVAILABLE, model, response);
  }

  @ExceptionHandler(Exception.class)
  String failed(Exception e, Model model, jakarta.servlet.http.HttpServletResponse response) {
    // The request's fault, found by Spring before the controller ran: an id that is no id, a
    // missing parameter, a method the page does not take. A 4xx page, not a failure of ours.
    if (e instanceof TypeMismatchException) {
      return page(HttpStatus.BAD_REQUEST, model, response);
    }
    if (e instanceof ErrorResponse refused && refused.getStatusCode().is4xxClientError()) {
      return page(refused.getStatusCode(), model, response);
    }
    String reference = Long.toHexString(System.nanoTime());
    if (DatabaseOutage.isOutage(e)) {
      log.warn("Page without the database (reference {}): {}", reference, RetryingStep.summary(e));
      model.addAttribute("reference", reference);
      model.addAttribute("databaseDown", true);
      return page(HttpStatus.SERVICE_UNAVAILABLE, model, response);
    }
    log.error("Page failed (reference {})", reference, e);
    model.addAttribute("reference", reference);
    return page(HttpStatus.INTERNAL_SERVER_ERROR, model, response);
  }

  private static String page(
      HttpStatusCode status, Model model, jakarta.servlet.http.HttpServletResponse response) {
    response.setStatus(status.value());
    model.addAttribute("status", status.value());
    return "page-error";
  }
}
