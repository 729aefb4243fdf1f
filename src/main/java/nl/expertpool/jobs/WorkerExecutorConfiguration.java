package nl.expertpool.jobs;

import io.camunda.client.jobhandling.CamundaClientExecutorService;
import io.camunda.client.spring.properties.CamundaClientProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The Camunda client's worker threads: the starter's pool, with the same size ({@code
 * camunda.client.execution-threads}) and metrics, as a {@link WorkerExecutor} that stops its
 * delayed tasks as soon as the app begins to close, before the starter closes the workers.
 */
@Configuration(proxyBeanMethods = false)
class WorkerExecutorConfiguration {

  @Bean
  WorkerExecutor workerExecutor(
      CamundaClientProperties camunda, ObjectProvider<MeterRegistry> meters) {
    var executor = new WorkerExecutor(camunda.getExecutionThreads());
    meters.ifAvailable(
        registry ->
            new ExecutorServiceMetrics(
                    executor, "camundaClientExecutor", Tags.of("name", "zeebe_client_thread_pool"))
                .bindTo(registry));
    return executor;
  }

  /** The client shuts the pool down when it closes, as with the starter's own pool. */
  @Bean
  CamundaClientExecutorService camundaClientThreadPool(WorkerExecutor executor) {
    return new CamundaClientExecutorService(executor, true);
  }

  /**
   * The app's context-closed event comes before any lifecycle stops or bean is destroyed (a child
   * context that closes is not the app closing).
   */
  @Bean
  ApplicationListener<ContextClosedEvent> workerExecutorClosing(
      WorkerExecutor executor, ApplicationContext app) {
    return event -> {
      if (event.getApplicationContext() == app) {
        executor.beginClosing();
      }
    };
  }
}
