package nl.expertpool.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.intent.ProcessInstanceCreationIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceCreationRecordValue;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two embedded engines in one JVM (as with several application contexts in one test run) each
 * answer their own clients: a response is never built from the other engine's buffer.
 */
class TwoEnginesProcessTest {

  private static final int INSTANCES = 300;

  @Test
  void eachEngineAnswersEveryCommandWithItsOwnResult() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try (var first = new SampleEngine();
        var second = new SampleEngine()) {
      Set<Long> firstKeys = ConcurrentHashMap.newKeySet();
      Set<Long> secondKeys = ConcurrentHashMap.newKeySet();

      CompletableFuture.allOf(
              start(first, "first", firstKeys, threads),
              start(second, "second", secondKeys, threads))
          .get(2, TimeUnit.MINUTES);

      assertThat(firstKeys).hasSize(INSTANCES).isEqualTo(createdIn(first));
      assertThat(secondKeys).hasSize(INSTANCES).isEqualTo(createdIn(second));
    } finally {
      threads.shutdownNow();
    }
  }

  private static CompletableFuture<Void> start(
      SampleEngine engine, String name, Set<Long> keys, ExecutorService threads) {
    List<CompletableFuture<Void>> halves =
        IntStream.range(0, 2)
            .mapToObj(
                half ->
                    CompletableFuture.runAsync(
                        () -> {
                          for (int i = half; i < INSTANCES; i += 2) {
                            keys.add(engine.start(name + "-" + i, false));
                          }
                        },
                        threads))
            .toList();
    return CompletableFuture.allOf(halves.toArray(CompletableFuture[]::new));
  }

  private static Set<Long> createdIn(SampleEngine engine) {
    return EngineAccess.records(engine.zeebe, 0).stream()
        .filter(record -> record.getIntent() == ProcessInstanceCreationIntent.CREATED)
        .map(
            record ->
                ((ProcessInstanceCreationRecordValue) record.getValue()).getProcessInstanceKey())
        .collect(Collectors.toSet());
  }
}
