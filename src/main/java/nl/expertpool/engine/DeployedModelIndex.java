package nl.expertpool.engine;

import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Form;
import io.camunda.client.api.response.Process;
import java.util.List;
import org.springframework.stereotype.Component;

/** What the start-up deployment put into the engine: process ids and form ids. */
@Component
public class DeployedModelIndex {

  private volatile List<String> processIds = List.of();
  private volatile List<String> formIds = List.of();

  void record(DeploymentEvent event) {
    processIds = event.getProcesses().stream().map(Process::getBpmnProcessId).sorted().toList();
    formIds = event.getForm().stream().map(Form::getFormId).sorted().toList();
  }

  public List<String> processIds() {
    return processIds;
  }

  public List<String> formIds() {
    return formIds;
  }
}
