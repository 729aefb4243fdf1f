package nl.expertpool.recruitment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.forms.FormInput;
import nl.expertpool.forms.FormValue;

/**
 * The screeners' decisions, one per candidate row that has one. The only place that knows the
 * screening form's keys: the worker, the check before completion and the erasure of a screener's
 * note all go through here.
 */
@FormInput(ScreeningSubmission.FORM)
public record ScreeningSubmission(List<ScreeningDecision> decisions) {

  public static final String FORM = "screen-candidates";

  private static final String CANDIDATES = "candidates";
  private static final String APPLICATION_ID = "applicationId";
  private static final String DECISION = "decision";
  private static final String NOTE = "note";

  /**
   * @param row the candidate's row on the form, from 0
   * @param applicationId as submitted; checked against the project when stored
   * @param decision {@code accept}, {@code reject} or {@code waitlist}, in any case
   * @param note null when none
   */
  public record ScreeningDecision(int row, String applicationId, String decision, String note) {

    public boolean accepts() {
      return "accept".equalsIgnoreCase(decision);
    }
  }

  public static ScreeningSubmission from(Map<String, Object> submission) {
    var decisions = new ArrayList<ScreeningDecision>();
    List<Map<String, Object>> rows = FormValue.rows(submission.get(CANDIDATES));
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      Object applicationId = row.get(APPLICATION_ID);
      Object decision = row.get(DECISION);
      Object note = row.get(NOTE);
      if (decision != null) {
        decisions.add(
            new ScreeningDecision(
                i, String.valueOf(applicationId), String.valueOf(decision), FormValue.given(note)));
      }
    }
    return new ScreeningSubmission(decisions);
  }

  /** The field that holds a row's decision, for an error shown next to it. */
  static String decisionField(int row) {
    return "%s[%d].%s".formatted(CANDIDATES, row, DECISION);
  }

  /** The submission without the screener's note on this applicant, who may be named in it. */
  static Map<String, Object> withoutNoteOn(Map<String, Object> submission, UUID applicationId) {
    if (!(submission.get(CANDIDATES) instanceof List<?> list)) {
      return submission;
    }
    var candidates = new ArrayList<Object>();
    for (Object item : list) {
      if (item instanceof Map<?, ?> candidate
          && applicationId.toString().equals(String.valueOf(candidate.get(APPLICATION_ID)))) {
        var scrubbed = new LinkedHashMap<Object, Object>(candidate);
        scrubbed.put(NOTE, "");
        candidates.add(scrubbed);
      } else {
        candidates.add(item);
      }
    }
    var rewritten = new LinkedHashMap<>(submission);
    rewritten.put(CANDIDATES, candidates);
    return rewritten;
  }
}
