package nl.expertpool.engine.embedded;

import io.camunda.zeebe.logstreams.log.LogAppendEntry;
import io.camunda.zeebe.logstreams.log.LogStreamWriter;
import io.camunda.zeebe.logstreams.log.WriteContext;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes user-task commands straight into the in-memory engine's log. The engine's gRPC gateway has
 * no user-task commands (a real cluster takes them over REST), so this is the one place that
 * reaches into the engine's internals: {@code InMemoryEngine.gateway.writer.writer()}. If an engine
 * upgrade moves them, the constructor fails at start with a message that says so.
 */
final class EngineCommandWriter {

  private final LogStreamWriter writer;

  EngineCommandWriter(ZeebeTestEngine engine) {
    try {
      Object gateway = field(engine, "gateway");
      Object commandWriter = field(gateway, "writer");
      Method accessor = commandWriter.getClass().getDeclaredMethod("writer");
      accessor.setAccessible(true);
      this.writer = (LogStreamWriter) accessor.invoke(commandWriter);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "The embedded Zeebe engine (%s) no longer has the command writer at"
                  .formatted(engine.getClass().getName())
              + " InMemoryEngine.gateway.writer.writer(); EngineCommandWriter must follow the"
              + " engine's internals after an upgrade of zeebe-process-test-engine",
          e);
    }
  }

  /** The JSON object of variables becomes the task's completion variables. */
  void completeUserTask(long taskKey, String variablesJson) {
    var record = new UserTaskRecord().setUserTaskKey(taskKey).setAction("complete");
    record.setVariables(new UnsafeBuffer(MsgPackConverter.convertToMsgPack(variablesJson)));
    write(taskKey, UserTaskIntent.COMPLETE, record);
  }

  /** An empty assignee unassigns. */
  void assignUserTask(long taskKey, String assignee) {
    var record =
        new UserTaskRecord()
            .setUserTaskKey(taskKey)
            .setAssignee(assignee)
            .setAction(assignee.isEmpty() ? "unassign" : "assign")
            .setAssigneeChanged();
    write(taskKey, UserTaskIntent.ASSIGN, record);
  }

  private void write(long key, UserTaskIntent intent, UserTaskRecord record) {
    var metadata =
        new RecordMetadata()
            .recordType(RecordType.COMMAND)
            .valueType(ValueType.USER_TASK)
            .intent(intent);
    synchronized (writer) {
      var result =
          writer.tryWrite(WriteContext.internal(), LogAppendEntry.of(key, metadata, record));
      if (result.isLeft()) {
        throw new IllegalStateException(
            "The embedded engine refused to log %s for user task %d: %s"
                .formatted(intent, key, result.getLeft()));
      }
    }
  }

  private static Object field(Object target, String name) throws ReflectiveOperationException {
    Field field = target.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field.get(target);
  }
}
