package nl.expertpool.ui;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Operate and Tasklist are, for links from the dashboard and the inbox to the same instance
 * or task there. Blank (the embedded default, which has neither): no links.
 *
 * @param operate Operate's base address, e.g. {@code http://localhost:8088/operate}
 * @param tasklist Tasklist's base address, e.g. {@code http://localhost:8088/tasklist}
 */
@ConfigurationProperties("expertpool.links")
public record CamundaLocation(String operate, String tasklist) {

  /** Operate's page of a process instance, or null without Operate or an instance. */
  public String processInstance(Long processInstanceKey) {
    return blank(operate) || processInstanceKey == null
        ? null
        : base(operate) + "/processes/" + processInstanceKey;
  }

  /** Tasklist's page of a user task, or null without Tasklist. */
  public String task(long taskKey) {
    return blank(tasklist) ? null : base(tasklist) + "/" + taskKey;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String base(String address) {
    String trimmed = address.strip();
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }
}
