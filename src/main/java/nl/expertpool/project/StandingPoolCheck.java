package nl.expertpool.project;

import java.util.UUID;

/**
 * Whether a standing pool exists, for a project that starts in one. The pools module answers it, so
 * that it may read projects without projects depending on it.
 */
public interface StandingPoolCheck {

  boolean exists(UUID poolId);
}
