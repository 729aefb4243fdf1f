package nl.expertpool.handover;

import java.util.Map;
import nl.expertpool.forms.FormInput;
import nl.expertpool.forms.FormValue;

/**
 * The client's acceptance of the handover; the process reads whether it was accepted.
 *
 * @param clientRemarks null when none
 */
@FormInput("accept-handover")
public record HandoverAcceptance(String clientRemarks) {

  public static HandoverAcceptance from(Map<String, Object> submission) {
    return new HandoverAcceptance(FormValue.text(submission.get("clientRemarks")));
  }
}
