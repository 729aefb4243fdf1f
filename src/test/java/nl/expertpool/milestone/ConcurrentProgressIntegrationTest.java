package nl.expertpool.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.lifecycle.LifecycleDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Jobs that each add an item and then set a milestone's progress to the count (one job per
 * interview, several workers at once) must not lose one another's items: the later count waits for
 * the earlier transaction and includes its item.
 */
@SpringBootTest
class ConcurrentProgressIntegrationTest {

  @Autowired LifecycleDriver driver;
  @Autowired AuditTrail audit;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  /** A thread per job: the common pool may have a single thread on a two-core machine. */
  private final ExecutorService jobs = Executors.newFixedThreadPool(2);

  @Test
  void aCountMadeWhileAnotherJobIsUncommittedWaitsAndIncludesItsItem() throws Exception {
    UUID project = driver.create(3, Map.of());
    String subject = AuditTrail.project(project);
    IntSupplier count =
        () ->
            jdbc.queryForObject(
                "select count(*) from audit_event where action = 'test.item' and subject = ?",
                Integer.class,
                subject);
    var firstCounted = new CountDownLatch(1);
    var firstMayCommit = new CountDownLatch(1);

    var first =
        addAndCount(
            project,
            count,
            () -> {
              firstCounted.countDown();
              await(firstMayCommit);
            });
    assertThat(firstCounted.await(30, TimeUnit.SECONDS)).isTrue();
    var second = addAndCount(project, count, () -> {});
    Thread.sleep(500);
    assertThat(second).as("the second count waits for the first transaction").isNotDone();
    firstMayCommit.countDown();
    first.get(30, TimeUnit.SECONDS);
    second.get(30, TimeUnit.SECONDS);

    var milestone =
        driver.milestones.of(project).stream()
            .filter(m -> m.getKey() == MilestoneKey.INTERVIEWS_COMPLETED)
            .findFirst()
            .orElseThrow();
    assertThat(milestone.getProgressCurrent()).isEqualTo(2);
    assertThat(milestone.getProgressTotal()).isEqualTo(10);
  }

  @AfterEach
  void stopThreads() {
    jobs.shutdownNow();
  }

  /** In a transaction of its own: adds an item, sets the progress to the count, then runs after. */
  private CompletableFuture<Void> addAndCount(UUID project, IntSupplier count, Runnable after) {
    var transactions = new TransactionTemplate(transactionManager);
    return CompletableFuture.runAsync(
        () ->
            transactions.executeWithoutResult(
                status -> {
                  audit.record(
                      AuditTrail.ENGINE, "test.item", AuditTrail.project(project), "an item");
                  driver.milestones.progress(
                      project, MilestoneKey.INTERVIEWS_COMPLETED, count, 10, "interviews");
                  after.run();
                }),
        jobs);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("Not released within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
