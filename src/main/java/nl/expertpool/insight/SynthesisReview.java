package nl.expertpool.insight;

import java.util.Map;
import nl.expertpool.forms.FormInput;
import nl.expertpool.forms.FormValue;

/**
 * The reviewer's verdict on a synthesis draft; the process reads the decision itself.
 *
 * @param notes what the reviewer asks to change; null when none
 */
@FormInput("review-synthesis")
public record SynthesisReview(String notes) {

  public static SynthesisReview from(Map<String, Object> submission) {
    return new SynthesisReview(FormValue.given(submission.get("reviewNotes")));
  }
}
