package nl.expertpool.forms;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One reason a submission was refused.
 *
 * @param field where the value sits in the submission, like {@code overdueDecision} or {@code
 *     sessions[1].startsAt}
 * @param reason plain English that reads after the field name, like {@code is required}: what the
 *     API answers with
 * @param code what a page in another language looks the reason up by, like {@code required}; null
 *     for an error that did not come from the form's rules
 * @param arguments what the reason names, like the maximum in {@code must be at most 90}, as shown
 */
public record FieldError(String field, String reason, String code, List<String> arguments) {

  public FieldError {
    arguments = arguments == null ? List.of() : List.copyOf(arguments);
  }

  /** An error in English only, such as one the API reported. */
  public FieldError(String field, String reason) {
    this(field, reason, null, List.of());
  }

  static FieldError of(String field, Reason reason, Object... arguments) {
    List<String> shown = Arrays.stream(arguments).map(String::valueOf).toList();
    return new FieldError(field, reason.english(shown), reason.code(), shown);
  }

  /** The field and the reason as one sentence for people, like "extendByDays must be a number". */
  public String message() {
    return field + " " + reason;
  }

  /**
   * Two errors are the same when they say the same of the same field: the code and arguments only
   * say it again for translation, and an error the API reported in English equals the one the
   * form's rules found.
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof FieldError that
        && Objects.equals(field, that.field)
        && Objects.equals(reason, that.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, reason);
  }
}
