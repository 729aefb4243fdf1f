package nl.expertpool.handover;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.expertpool.forms.FormInput;
import nl.expertpool.forms.FormValue;

/** The handover meeting with the client: when, who came, what was agreed and what follows. */
@FormInput("hold-handover-meeting")
public record HandoverMeeting(
    Instant meetingAt,
    List<AttendingOrganisation> organisations,
    List<String> followUps,
    String agreements) {

  public record AttendingOrganisation(String organisation, int participantCount) {}

  public static HandoverMeeting from(Map<String, Object> submission) {
    var organisations = new ArrayList<AttendingOrganisation>();
    for (Map<String, Object> row : FormValue.rows(submission.get("attendingOrganisations"))) {
      organisations.add(
          new AttendingOrganisation(
              FormValue.text(row.get("organisation")),
              (int) FormValue.number(row.get("participantCount"))));
    }
    return new HandoverMeeting(
        FormValue.instant(submission.get("meetingAt")),
        organisations,
        FormValue.strings(submission.get("followUps")),
        FormValue.text(submission.get("agreements")));
  }
}
