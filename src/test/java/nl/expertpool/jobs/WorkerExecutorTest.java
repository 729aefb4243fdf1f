package nl.expertpool.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.client.jobhandling.CamundaClientExecutorService;
import io.camunda.client.spring.properties.CamundaClientProperties;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.expertpool.runtime.FreePort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class WorkerExecutorTest {

  private final WorkerExecutor executor = new WorkerExecutor(2);

  @AfterEach
  void shutDown() {
    executor.shutdownNow();
  }

  /**
   * The shutdown of the Camunda client 8.8.14: the starter closes every worker, then the client
   * closes them again. With the engine away each job stream keeps failing and scheduling its
   * reconnect; one that comes due between the two closes must not make the second close hang.
   */
  @Test
  void workersCloseTwiceWhileTheirStreamsReconnect() throws Exception {
    var address = URI.create("http://localhost:" + FreePort.find());
    CamundaClient client =
        CamundaClient.newClientBuilder()
            .preferRestOverGrpc(false)
            .grpcAddress(address)
            .restAddress(address)
            .jobWorkerExecutor(executor, false)
            .build();
    try {
      List<JobWorker> workers = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        workers.add(
            client
                .newWorker()
                .jobType("type-" + i)
                .handler((jobClient, job) -> {})
                .streamEnabled(true)
                .backoffSupplier(lastDelay -> 100)
                .open());
      }
      TimeUnit.MILLISECONDS.sleep(500); // streams fail and schedule their reconnects

      executor.beginClosing();
      workers.forEach(JobWorker::close);
      TimeUnit.MILLISECONDS.sleep(400); // the reconnects pending at the first close come due

      var secondClose = CompletableFuture.runAsync(() -> workers.forEach(JobWorker::close));
      assertThatCode(() -> secondClose.get(10, TimeUnit.SECONDS)).doesNotThrowAnyException();
    } finally {
      // Where the second close hangs, the client's own close of the workers would too.
      CompletableFuture.runAsync(client::close)
          .completeOnTimeout(null, 10, TimeUnit.SECONDS)
          .join();
    }
  }

  @Test
  void theAppClosingBeginsTheExecutorClosingWithThePoolSizeOfTheProperties() {
    new ApplicationContextRunner()
        .withUserConfiguration(ClientProperties.class, WorkerExecutorConfiguration.class)
        .withPropertyValues("camunda.client.execution-threads=3")
        .run(
            context -> {
              var pool = context.getBean(CamundaClientExecutorService.class);
              var app = context.getBean(WorkerExecutor.class);
              assertThat(pool.get()).isSameAs(app);
              assertThat(pool.isOwnedByCamundaClient()).isTrue();
              assertThat(app.isClosing()).isFalse();
              context.close();
              assertThat(app.isClosing()).isTrue();
            });
  }

  @Test
  void delayedTasksStopOnceClosingBeginsWhileImmediateTasksStillRun() throws Exception {
    var delayedRuns = new AtomicInteger();
    executor.schedule(delayedRuns::incrementAndGet, 1, TimeUnit.MILLISECONDS).get();
    assertThat(delayedRuns).hasValue(1);

    var pending = executor.schedule(delayedRuns::incrementAndGet, 200, TimeUnit.MILLISECONDS);
    executor.beginClosing();
    pending.get(5, TimeUnit.SECONDS);
    assertThat(delayedRuns).as("a delayed task due after closing began").hasValue(1);
    assertThat(executor.isClosing()).isTrue();

    var handled = new CountDownLatch(2);
    executor.execute(handled::countDown);
    executor.submit(handled::countDown);
    assertThat(handled.await(5, TimeUnit.SECONDS)).as("jobs in hand still run").isTrue();
  }

  @Test
  void closingWaitsForARunningDelayedTask() throws Exception {
    var started = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    executor.schedule(
        () -> {
          started.countDown();
          awaitQuietly(release);
        },
        1,
        TimeUnit.MILLISECONDS);
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    var closing = CompletableFuture.runAsync(executor::beginClosing);
    TimeUnit.MILLISECONDS.sleep(200);
    assertThat(closing).as("closing waits while a delayed task runs").isNotDone();
    release.countDown();
    closing.get(5, TimeUnit.SECONDS);
  }

  @EnableConfigurationProperties(CamundaClientProperties.class)
  static class ClientProperties {}

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
