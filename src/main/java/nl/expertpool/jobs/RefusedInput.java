package nl.expertpool.jobs;

import java.util.UUID;

/**
 * A job's input that does not belong to the job's project: an id of another project's expert,
 * session, application or action, as a task completed outside this app (Tasklist, the REST API) can
 * carry. {@link JobLedger} turns it into the BPMN error {@value #ERROR_CODE}, which the model
 * catches to have the task done again, so that nothing is stored, nobody is paid and no incident
 * stalls the project.
 */
public class RefusedInput extends RuntimeException {

  /** The BPMN error code every model catches on the steps that store a task's submission. */
  public static final String ERROR_CODE = "SUBMISSION_REFUSED";

  public RefusedInput(String message) {
    super(message);
  }

  /** The id the value holds; refused when it holds none. */
  public static UUID id(Object value, String what) {
    try {
      return UUID.fromString(String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw new RefusedInput(what + " is no id: " + abbreviate(value));
    }
  }

  private static String abbreviate(Object value) {
    String text = String.valueOf(value);
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}
