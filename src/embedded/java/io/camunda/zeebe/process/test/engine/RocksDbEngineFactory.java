package io.camunda.zeebe.process.test.engine;

import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The in-memory engine of zeebe-process-test ({@link EngineFactory}), assembled the same way but
 * with the broker's own state store, RocksDB, in a folder of its own, in place of the test engine's
 * {@code InMemoryDb}. That store copies the whole engine state into a new tree for every iteration
 * over a key prefix, and then walks past the prefix to the end: each command costs time in
 * proportion to all the state of all running instances. Profiled with 50 projects running, it took
 * 45 % of the app's CPU and the engine's throughput fell as projects were added. RocksDB seeks to
 * the prefix, as on a cluster. The log is the one given (on disk, {@code FileLogStorage}), or in
 * memory as in the test engine. Responses go through {@link EngineResponseWriter}, which keeps them
 * per engine. Its gateway listens on the loopback address only (the test engine's listens on every
 * interface) and, given a credential, answers only calls that carry it.
 *
 * <p>It lives in the test engine's package because the parts it assembles are package-private
 * there.
 */
public final class RocksDbEngineFactory {

  /** Block cache and write buffers of the state store (the broker's default is 512 MiB). */
  private static final long STATE_MEMORY = 64L * 1024 * 1024;

  private RocksDbEngineFactory() {}

  /**
   * An engine, a way to follow its records after a position (-1: from the first), its stream
   * processor (to ask how far it got) and its state store (to take a snapshot of).
   */
  public record Created(
      ZeebeTestEngine engine,
      LongFunction<RecordFeed> feeds,
      StreamProcessor streamProcessor,
      ZeebeDb<ZbColumnFamilies> state) {}

  /**
   * An engine whose gRPC gateway listens on the loopback address and port and whose state lives in
   * the folder.
   *
   * @param authorization the {@code authorization} header every call must carry, such as {@code
   *     Basic ...}; null takes every call
   * @param stateDir the state store's folder: empty, or a snapshot's checkpoint
   * @param storage where the log is kept; null keeps it in memory. A log that holds records is
   *     replayed when the engine starts, as a broker recovers, after the position the state store
   *     holds
   */
  public static Created create(int port, Path stateDir, String authorization, LogStorage storage) {
    int partitionId = 1;
    int partitionCount = 1;

    var clock = new ControlledActorClock();
    var scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
    scheduler.start();

    LogStorage logStorage = storage == null ? new InMemoryLogStorage() : storage;
    LogStream logStream =
        LogStream.builder()
            .withPartitionId(partitionId)
            .withLogStorage(logStorage)
            .withClock(clock)
            .withMeterRegistry(new SimpleMeterRegistry())
            .build();

    var commandWriter = new CommandWriter(logStream.newLogStreamWriter());
    var commandSender = new CommandSender(commandWriter);
    var gatewayRequestStore = new GatewayRequestStore();
    var jobStreamer = new InMemoryJobStreamer(commandWriter);
    var gateway =
        new GrpcToLogStreamGateway(
            commandWriter, partitionId, partitionCount, port, gatewayRequestStore, jobStreamer);
    var grpcServer =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
            .addService(
                authorization == null
                    ? gateway.bindService()
                    : ServerInterceptors.intercept(
                        gateway, new RequireAuthorization(authorization)))
            .build();
    var responseWriter = new EngineResponseWriter(gatewayRequestStore);

    ZeebeDb<ZbColumnFamilies> state = stateStore(stateDir, partitionId);

    var security = new SecurityConfiguration();
    security.getAuthorizations().setEnabled(false);
    StreamProcessor streamProcessor =
        StreamProcessor.builder()
            .logStream(logStream)
            .zeebeDb(state)
            .commandResponseWriter(responseWriter)
            .partitionCommandSender(commandSender)
            .recordProcessors(
                List.of(
                    new Engine(
                        context ->
                            EngineProcessors.createEngineProcessors(
                                context,
                                partitionCount,
                                new SubscriptionCommandSender(
                                    context.getPartitionId(), commandSender),
                                commandSender,
                                FeatureFlags.createDefault(),
                                jobStreamer,
                                SearchClientsProxy.noop(),
                                new BrokerRequestAuthorizationConverter(security)),
                        new EngineConfiguration(),
                        security)))
            .actorSchedulingService(scheduler)
            .clock(new ControllableStreamClockImpl(clock))
            .meterRegistry(new SimpleMeterRegistry())
            .build();

    EngineStateMonitor stateMonitor;
    if (logStorage instanceof InMemoryLogStorage inMemory) {
      stateMonitor = new EngineStateMonitor(inMemory, streamProcessor);
    } else {
      // The monitor takes only the test engine's storage, to hear of its commits: an empty one,
      // and it hears the commits of the storage given.
      stateMonitor = new EngineStateMonitor(new InMemoryLogStorage(), streamProcessor);
      logStorage.addCommitListener(stateMonitor);
    }
    var records = new RecordStreamSourceImpl(logStream.newLogStreamReader(), partitionId);
    var engine =
        new InMemoryEngine(
            grpcServer,
            streamProcessor,
            gateway,
            state,
            logStream,
            scheduler,
            records,
            clock,
            stateMonitor);
    return new Created(engine, after -> new RecordFeed(logStream, after), streamProcessor, state);
  }

  private static ZeebeDb<ZbColumnFamilies> stateStore(Path dir, int partitionId) {
    var configuration = new RocksDbConfiguration().setMemoryLimit(STATE_MEMORY);
    var factory =
        new ZeebeRocksDbFactory<ZbColumnFamilies>(
            configuration,
            new ConsistencyChecksSettings(),
            new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, partitionId),
            SimpleMeterRegistry::new);
    return factory.createDb(dir.toFile());
  }

  /** Refuses a call whose {@code authorization} header is not the one given, before it runs. */
  private static final class RequireAuthorization implements ServerInterceptor {

    private static final Metadata.Key<String> AUTHORIZATION =
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final byte[] expected;

    RequireAuthorization(String authorization) {
      this.expected = authorization.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      String given = headers.get(AUTHORIZATION);
      if (given == null
          || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
        call.close(
            Status.UNAUTHENTICATED.withDescription(
                "The embedded engine takes calls from this app only"),
            new Metadata());
        return new ServerCall.Listener<>() {};
      }
      return next.startCall(call, headers);
    }
  }
}
