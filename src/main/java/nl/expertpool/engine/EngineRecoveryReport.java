package nl.expertpool.engine;

import java.util.Map;

/**
 * What an engine that keeps a log of its own (the embedded default's) says of its recovery at
 * start, for the {@code engine} health component: how far the log it replayed goes, and whether it
 * has finished replaying and processes commands.
 */
public interface EngineRecoveryReport {

  /** Whether the engine has replayed its log and processes new commands. */
  boolean replayed();

  /** The recovered log position, the replay's duration and the like. */
  Map<String, Object> details();
}
