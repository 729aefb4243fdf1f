package nl.expertpool.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.expertpool.forms.FormInput;
import nl.expertpool.forms.FormValue;
import nl.expertpool.jobs.RefusedInput;
import nl.expertpool.session.AgendaRevision.Revision;

/** Staff's decisions on the actions the feedback round flagged. */
@FormInput("revise-action-agenda")
public record RevisedAgenda(List<Revision> revisions) {

  /**
   * @throws RefusedInput when a row's position is not a whole number
   */
  public static RevisedAgenda from(Map<String, Object> submission) {
    var revisions = new ArrayList<Revision>();
    for (Map<String, Object> row : FormValue.rows(submission.get("flaggedItems"))) {
      Object position = row.get("position");
      String decision = String.valueOf(row.get("decision"));
      String revisedAction = FormValue.text(row.get("revisedAction"));
      String reason = FormValue.text(row.get("reason"));
      Integer number = FormValue.wholeNumber(position);
      if (number == null) {
        throw new RefusedInput("Position " + position + " is not a flagged action");
      }
      revisions.add(new Revision(number, decision, revisedAction, reason));
    }
    return new RevisedAgenda(revisions);
  }
}
