package nl.expertpool.runtime;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Spring's own report for a busy web port does not name the variable that moves it. */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WebPortInUseAnalyzer extends AbstractFailureAnalyzer<PortInUseException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
    return new FailureAnalysis(
        "Port %d (web server) is already in use.".formatted(cause.getPort()),
        "Stop the program that uses port %d, or start on another port, e.g. SERVER_PORT=%d."
            .formatted(cause.getPort(), cause.getPort() + 1),
        null);
  }
}
