package nl.expertpool.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.expertpool.forms.FormInput;
import nl.expertpool.forms.FormValue;

/** Who attended which session of the latest training round. */
@FormInput("record-attendance")
public record AttendanceRecord(List<Row> rows) {

  /**
   * @param sessionId, expertId as submitted; checked against the project when stored
   */
  public record Row(String sessionId, String expertId, boolean attended) {}

  public static AttendanceRecord from(Map<String, Object> submission) {
    var rows = new ArrayList<Row>();
    for (Map<String, Object> row : FormValue.rows(submission.get("attendance"))) {
      rows.add(
          new Row(
              FormValue.given(row.get("sessionId")),
              FormValue.given(row.get("expertId")),
              Boolean.TRUE.equals(row.get("attended"))));
    }
    return new AttendanceRecord(rows);
  }
}
