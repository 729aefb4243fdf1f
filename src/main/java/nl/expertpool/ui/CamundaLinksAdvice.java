package nl.expertpool.ui;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the links to Operate and Tasklist, as {@code camunda}. */
@ControllerAdvice(annotations = Controller.class)
@EnableConfigurationProperties(CamundaLocation.class)
class CamundaLinksAdvice {

  private final CamundaLocation links;

  CamundaLinksAdvice(CamundaLocation links) {
    this.links = links;
  }

  @ModelAttribute("camunda")
  CamundaLocation camunda() {
    return links;
  }
}
