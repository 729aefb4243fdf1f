package nl.expertpool.project;

import java.util.UUID;

/**
 * Tells whether a project's targets may still change: the recruitment module, which knows when
 * screening begins, answers. Without one, the targets change throughout the recruitment phase.
 */
public interface TargetsGuard {

  boolean targetsMayChange(UUID projectId);
}
