package nl.expertpool.project;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import nl.expertpool.engine.EngineUnavailableException;
import nl.expertpool.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL and the engine must agree on which projects run. At start, and every few minutes,
 * every active project whose process instance the engine does not know (its log was deleted, or a
 * cluster lost its data) is marked {@link ProjectStatus#INTERRUPTED}, with the reason in the log
 * and the audit trail, for a project manager to resume. An engine that cannot answer now changes
 * nothing; a process instance younger than the grace period ({@code
 * expertpool.reconciliation.grace}, 2 minutes) is left alone, since a cluster's search shows a new
 * one only after a moment.
 */
@Component
class ProcessReconciliation {

  private static final Logger log = LoggerFactory.getLogger(ProcessReconciliation.class);

  private final ProjectLifecycle projects;
  private final ProcessEngine engine;
  private final Clock clock;
  private final Duration grace;

  ProcessReconciliation(
      ProjectLifecycle projects,
      ProcessEngine engine,
      Clock clock,
      @Value("${expertpool.reconciliation.grace:PT2M}") Duration grace) {
    this.projects = projects;
    this.engine = engine;
    this.clock = clock;
    this.grace = grace;
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStart() {
    reconcile();
  }

  @Scheduled(
      initialDelayString = "${expertpool.reconciliation.interval:PT5M}",
      fixedDelayString = "${expertpool.reconciliation.interval:PT5M}")
  void everyFewMinutes() {
    reconcile();
  }

  /**
   * Whether the project's process instance started less than the grace period ago. A start in the
   * future counts as old: the engine's clock went back (its data, and the demo clock's offset with
   * it, were deleted).
   */
  private boolean young(Project project) {
    Duration age = Duration.between(project.getProcessStartedAt(), clock.instant());
    return !age.isNegative() && age.compareTo(grace) < 0;
  }

  /**
   * Marks the active projects whose process instance the engine does not know.
   *
   * @return the ids of the projects it marked interrupted
   */
  List<UUID> reconcile() {
    var interrupted = new java.util.ArrayList<UUID>();
    try {
      for (Project project : projects.all()) {
        if (project.getStatus() != ProjectStatus.ACTIVE
            || project.getProcessInstanceKey() == null
            || young(project)) {
          continue;
        }
        long instance = project.getProcessInstanceKey();
        if (!engine.knowsInstance(instance)) {
          String reason =
              "The engine does not know process instance "
                  + instance
                  + " (its data was deleted or lost); resume the project to go on";
          if (projects.interrupt(project.getId(), reason)) {
            log.warn("Project {} ({}) interrupted: {}", project.getId(), project.getName(), reason);
            interrupted.add(project.getId());
          }
        }
      }
    } catch (EngineUnavailableException e) {
      log.info("Reconciliation waits for the engine: {}", e.getMessage());
    } catch (RuntimeException e) {
      log.warn("Reconciliation failed this time: {}", e.toString());
    }
    return interrupted;
  }
}
