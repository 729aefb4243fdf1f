package nl.expertpool.engine.embedded;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import java.net.URI;
import java.util.Map;
import nl.expertpool.runtime.FreePort;

/**
 * The in-memory engine with the sample model deployed and a worker for its service task, without
 * Spring: what the engine adapter's tests run on.
 */
final class SampleEngine implements AutoCloseable {

  final EmbeddedZeebe zeebe;
  final CamundaClient client;
  private final JobWorker worker;

  SampleEngine() {
    zeebe = new EmbeddedZeebe(FreePort.find());
    var address = URI.create("http://localhost:" + zeebe.port());
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(address)
            .restAddress(address)
            .preferRestOverGrpc(false)
            .build();
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("bpmn/engine-sample.bpmn")
        .addResourceFromClasspath("forms/engine-sample.form")
        .send()
        .join();
    // A sample with failMe=true fails without retries, which raises an incident.
    worker =
        client
            .newWorker()
            .jobType("sample.prepare")
            .handler(
                (jobClient, job) -> {
                  if (Boolean.TRUE.equals(job.getVariablesAsMap().get("failMe"))) {
                    jobClient
                        .newFailCommand(job.getKey())
                        .retries(0)
                        .errorMessage("sample failed on purpose")
                        .send()
                        .join();
                  } else {
                    jobClient
                        .newCompleteCommand(job.getKey())
                        .variables(Map.of("prepared", true))
                        .send()
                        .join();
                  }
                })
            .open();
  }

  long start(String sampleId, boolean failMe) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId("engine-sample")
        .latestVersion()
        .variables(Map.of("sampleId", sampleId, "failMe", failMe))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  boolean completed(long processInstanceKey) {
    for (Record<?> record : zeebe.engine().getRecordStreamSource().getRecords()) {
      if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
          && record.getKey() == processInstanceKey) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    worker.close();
    client.close();
    zeebe.close();
  }
}
