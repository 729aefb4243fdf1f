package nl.expertpool.engine;

import io.camunda.client.annotation.JobWorker;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Works the sample model's service task in app tests (src/test/resources/bpmn). */
@Component
public class SampleWorker {

  @JobWorker(type = "sample.prepare")
  public Map<String, Object> prepare() {
    return Map.of("prepared", true);
  }
}
