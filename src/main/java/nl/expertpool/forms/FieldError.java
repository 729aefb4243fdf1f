package nl.expertpool.forms;

/**
 * One reason a submission was refused.
 *
 * @param field where the value sits in the submission, like {@code overdueDecision} or {@code
 *     sessions[1].startsAt}
 * @param reason plain English that reads after the field name, like {@code is required}
 */
public record FieldError(String field, String reason) {

  /** The field and the reason as one sentence for people, like "extendByDays must be a number". */
  public String message() {
    return field + " " + reason;
  }
}
