package io.camunda.zeebe.process.test.engine;

import com.google.protobuf.GeneratedMessage;
import io.camunda.zeebe.process.test.engine.GatewayRequestStore.Request;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.stream.api.CommandResponseWriter;
import io.camunda.zeebe.util.buffer.BufferUtil;
import io.camunda.zeebe.util.buffer.BufferWriter;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Answers the gateway's requests with the engine's responses, as the test engine's {@code
 * GrpcResponseWriter} does, but with the response's key, intent and value held per engine. That
 * class holds them in static fields, shared by every engine in the JVM: with two engines running at
 * once (several application contexts in one test run, or the benchmark's baseline beside the app)
 * one engine's response was now and then read from the other's buffer ("Could not deserialize
 * object [ProcessInstanceCreationRecord]") and the client's command was never answered.
 */
final class EngineResponseWriter implements CommandResponseWriter {

  private final GatewayRequestStore requests;
  private final GrpcResponseMapper mapper = new GrpcResponseMapper();
  private final MutableDirectBuffer valueBuffer = new ExpandableArrayBuffer();
  private final DirectBuffer value = new UnsafeBuffer();
  private long key = -1;
  private Intent intent = Intent.UNKNOWN;
  private RejectionType rejectionType = RejectionType.NULL_VAL;
  private String rejectionReason = "";

  EngineResponseWriter(GatewayRequestStore requests) {
    this.requests = requests;
  }

  @Override
  public CommandResponseWriter partitionId(int partitionId) {
    return this;
  }

  @Override
  public CommandResponseWriter key(long key) {
    this.key = key;
    return this;
  }

  @Override
  public CommandResponseWriter intent(Intent intent) {
    this.intent = intent;
    return this;
  }

  @Override
  public CommandResponseWriter recordType(RecordType type) {
    return this;
  }

  @Override
  public CommandResponseWriter valueType(ValueType valueType) {
    return this;
  }

  @Override
  public CommandResponseWriter rejectionType(RejectionType rejectionType) {
    this.rejectionType = rejectionType;
    return this;
  }

  @Override
  public CommandResponseWriter rejectionReason(DirectBuffer rejectionReason) {
    this.rejectionReason = BufferUtil.bufferAsString(rejectionReason);
    return this;
  }

  @Override
  public CommandResponseWriter valueWriter(BufferWriter writer) {
    writer.write(valueBuffer, 0);
    value.wrap(valueBuffer, 0, writer.getLength());
    return this;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void tryWriteResponse(int requestStreamId, long requestId) {
    Request request = requests.removeRequest(requestId);
    var observer = (StreamObserver<GeneratedMessage>) request.responseObserver();
    if (rejectionType != RejectionType.NULL_VAL) {
      observer.onError(
          StatusProto.toStatusException(
              mapper.createRejectionResponse(rejectionType, intent, rejectionReason)));
      return;
    }
    observer.onNext(mapper.map(request.requestType(), value, key, intent));
    observer.onCompleted();
  }
}
