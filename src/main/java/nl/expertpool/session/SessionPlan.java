package nl.expertpool.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.expertpool.forms.FormInput;
import nl.expertpool.forms.FormValue;

/** When and where the stakeholder session is, and whom it invites. */
@FormInput("plan-stakeholder-session")
public record SessionPlan(Instant sessionAt, String venue, List<Invitation> invitations) {

  /**
   * @param language {@code en} when asked for, otherwise {@code nl}
   */
  public record Invitation(
      String organisation, String contactName, String contactEmail, String language) {}

  public static SessionPlan from(Map<String, Object> submission) {
    var invitations = new ArrayList<Invitation>();
    for (Map<String, Object> row : FormValue.rows(submission.get("invitations"))) {
      invitations.add(
          new Invitation(
              FormValue.text(row.get("organisation")),
              FormValue.text(row.get("contactName")),
              FormValue.text(row.get("contactEmail")),
              "en".equals(row.get("contactLanguage")) ? "en" : "nl"));
    }
    return new SessionPlan(
        FormValue.instant(submission.get("sessionAt")),
        FormValue.text(submission.get("venue")),
        invitations);
  }
}
