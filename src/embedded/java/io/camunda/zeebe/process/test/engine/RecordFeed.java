package io.camunda.zeebe.process.test.engine;

import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.protocol.impl.record.CopiedRecord;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.record.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine's records as they are written, each handed out once and kept by no one. The test
 * engine's record source ({@code RecordStreamSourceImpl}) keeps a decoded copy of every record ever
 * read, which for a running app grows without end (about 10 MiB per project lifecycle, most of the
 * heap after a few dozen); a reader that only needs what is new uses this instead.
 */
public final class RecordFeed {

  private static final int PARTITION = 1;

  private final LogStreamReader reader;
  private long lastPosition = -1;

  RecordFeed(LogStream log) {
    this(log, -1);
  }

  /** A feed of the records after this position (-1: from the first on). */
  RecordFeed(LogStream log, long after) {
    this.reader = log.newLogStreamReader();
    this.lastPosition = after;
  }

  /**
   * The records written since the last call, oldest first. The log is an in-memory list that the
   * engine appends to while this reads; a read that meets an entry half-appended (a null buffer, an
   * index out of bounds) ends there, and the next call goes on after the last whole record.
   */
  public synchronized List<Record<?>> next() {
    var records = new ArrayList<Record<?>>();
    for (int attempt = 1; ; attempt++) {
      try {
        readInto(records);
        return records;
      } catch (NullPointerException | IndexOutOfBoundsException e) {
        if (!records.isEmpty()) {
          return records;
        }
        if (attempt == 5) {
          throw e;
        }
        LockSupport.parkNanos(1_000_000);
      }
    }
  }

  private void readInto(List<Record<?>> records) {
    if (lastPosition < 0) {
      reader.seekToFirstEvent();
    } else {
      reader.seekToNextEvent(lastPosition);
    }
    while (reader.hasNext()) {
      LoggedEvent event = reader.next();
      records.add(copy(event));
      lastPosition = event.getPosition();
    }
  }

  private static Record<?> copy(LoggedEvent event) {
    var metadata = new RecordMetadata();
    event.readMetadata(metadata);
    UnifiedRecordValue value = UnifiedRecordValue.fromValueType(metadata.getValueType());
    event.readValue(value);
    return new CopiedRecord<>(
        value,
        metadata,
        event.getKey(),
        PARTITION,
        event.getPosition(),
        event.getSourceEventPosition(),
        event.getTimestamp());
  }
}
