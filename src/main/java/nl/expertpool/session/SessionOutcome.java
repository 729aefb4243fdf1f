package nl.expertpool.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.expertpool.forms.FormInput;
import nl.expertpool.forms.FormValue;

/**
 * What the stakeholder session came to: who took part, the shared insight, the experts present and
 * their hours, and the action agenda.
 *
 * @param expertsPresent expert ids as submitted; checked against the pool when stored
 * @param sessionMinutes the session's length, paid to each expert present
 */
@FormInput("record-session-outcome")
public record SessionOutcome(
    List<Participant> participants,
    String sharedInsight,
    int sessionMinutes,
    List<String> expertsPresent,
    List<AgendaItem> agendaItems) {

  public record Participant(String organisation, int count) {}

  /**
   * @param theme as submitted; checked against the project's themes when stored
   * @param supportingInsights the themes behind the action, as submitted
   */
  public record AgendaItem(
      String theme,
      String action,
      String owner,
      String term,
      String priority,
      List<String> supportingInsights) {}

  public static SessionOutcome from(Map<String, Object> submission) {
    var participants = new ArrayList<Participant>();
    for (Map<String, Object> row : FormValue.rows(submission.get("participants"))) {
      participants.add(
          new Participant(
              FormValue.text(row.get("organisation")),
              (int) FormValue.number(row.get("participantCount"))));
    }
    var items = new ArrayList<AgendaItem>();
    for (Map<String, Object> row : FormValue.rows(submission.get("agendaItems"))) {
      items.add(
          new AgendaItem(
              FormValue.given(row.get("theme")),
              FormValue.text(row.get("action")),
              FormValue.text(row.get("owner")),
              String.valueOf(row.get("term")),
              String.valueOf(row.get("priority")),
              FormValue.strings(row.get("supportingInsights"))));
    }
    return new SessionOutcome(
        participants,
        FormValue.text(submission.get("sharedInsight")),
        minutes(submission.get("sessionHours")),
        ids(submission.get("expertsPresent")),
        items);
  }

  private static int minutes(Object hours) {
    return hours == null ? 0 : (int) Math.round(FormValue.number(hours) * 60);
  }

  private static List<String> ids(Object values) {
    var ids = new ArrayList<String>();
    if (values instanceof List<?> list) {
      list.forEach(id -> ids.add(FormValue.given(id)));
    }
    return ids;
  }
}
