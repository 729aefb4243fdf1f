package nl.expertpool.followup;

import java.time.Instant;
import java.util.Map;
import nl.expertpool.forms.FormInput;
import nl.expertpool.forms.FormValue;

/** The follow-up session near the end of the agenda's year: when it was held and what it found. */
@FormInput("hold-follow-up-session")
public record FollowUpSession(Instant heldAt, String summary) {

  public static FollowUpSession from(Map<String, Object> submission) {
    return new FollowUpSession(
        FormValue.instant(submission.get("heldAt")), FormValue.text(submission.get("summary")));
  }
}
