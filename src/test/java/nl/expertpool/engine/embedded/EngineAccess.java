package nl.expertpool.engine.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.protocol.record.Record;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import nl.expertpool.engine.ProcessEngine;

/**
 * What the benchmark needs from the embedded engine beyond the port: the port on an engine of its
 * own (no Spring, no database) and the engine's records, to time jobs.
 */
public final class EngineAccess {

  private EngineAccess() {}

  /** The app's engine port on this engine, as the embedded default builds it. */
  public static ProcessEngine port(EmbeddedZeebe zeebe, ObjectMapper json) {
    return new EmbeddedProcessEngine(zeebe, json);
  }

  /**
   * A copy of the records from index {@code from} on. The record source appends to a plain list
   * under its reader's lock while the app's projection reads it; the copy is taken under that lock,
   * so it never sees a half-appended list.
   */
  public static List<Record<?>> records(EmbeddedZeebe zeebe, int from) {
    RecordStreamSource source = zeebe.engine().getRecordStreamSource();
    synchronized (readerLock(source)) {
      var all = read(source);
      if (all instanceof List<Record<?>> list) {
        return new ArrayList<>(list.subList(Math.min(from, list.size()), list.size()));
      }
      var copy = new ArrayList<Record<?>>();
      int index = 0;
      for (Record<?> record : all) {
        if (index++ >= from) {
          copy.add(record);
        }
      }
      return copy;
    }
  }

  /**
   * A read that meets a half-appended log entry (a null buffer, an index out of bounds) is done
   * again: the record source races with the engine's appends to its in-memory log.
   */
  private static Iterable<Record<?>> read(RecordStreamSource source) {
    for (int attempt = 1; ; attempt++) {
      try {
        return source.getRecords();
      } catch (NullPointerException | IndexOutOfBoundsException e) {
        if (attempt == 5) {
          throw e;
        }
        LockSupport.parkNanos(1_000_000);
      }
    }
  }

  private static Object readerLock(RecordStreamSource source) {
    try {
      Field field = source.getClass().getDeclaredField("logStreamReader");
      field.setAccessible(true);
      return field.get(source);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "The record source of the embedded engine (%s) has no logStreamReader any more"
              .formatted(source.getClass().getName()),
          e);
    }
  }
}
