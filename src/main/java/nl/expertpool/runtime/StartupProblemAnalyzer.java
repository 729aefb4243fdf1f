package nl.expertpool.runtime;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Turns the start failures a user can fix into one description and one action. */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartupProblemAnalyzer extends AbstractFailureAnalyzer<StartupProblem> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StartupProblem cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), null);
  }
}
