package nl.expertpool.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.expertpool.forms.FormInput;
import nl.expertpool.forms.FormValue;

/** A round of training sessions as staff scheduled it. */
@FormInput("schedule-training")
public record TrainingPlan(List<PlannedSession> sessions) {

  public record PlannedSession(
      Instant startsAt, int durationMinutes, String location, String trainer) {}

  public static TrainingPlan from(Map<String, Object> submission) {
    var sessions = new ArrayList<PlannedSession>();
    for (Map<String, Object> row : FormValue.rows(submission.get("sessions"))) {
      sessions.add(
          new PlannedSession(
              FormValue.instant(row.get("startsAt")),
              (int) Math.round(FormValue.number(row.get("durationHours")) * 60),
              String.valueOf(row.get("location")),
              String.valueOf(row.get("trainer"))));
    }
    return new TrainingPlan(sessions);
  }
}
